import type { PageId } from '../../store';

/** One 20×20 stroke icon per page (path data), in the app's line style. */
const PATHS: Record<PageId, string> = {
  customers: 'M7.5 9.5a3 3 0 100-6 3 3 0 000 6zM2.5 17c.6-3 2.6-4.6 5-4.6s4.4 1.6 5 4.6M13 4a2.6 2.6 0 010 5M14.5 12.6c1.6.5 2.7 2 3 4.4',
  purposes: 'M10 2.5l6 2.3v4.6c0 3.8-2.5 6.6-6 8-3.5-1.4-6-4.2-6-8V4.8l6-2.3zM7.3 10l1.9 1.9 3.6-3.8',
  notice: 'M5.5 2.5h6l3 3v12h-9zM11.5 2.5v3h3M8 9h4.5M8 12h4.5M8 15h3',
  requests: 'M3 11.5l2-7h10l2 7v5H3zM3 11.5h4l1 2h4l1-2h4M10 6v3l2 1.2',
  settings:
    'M3 5h7M15 5h2M3 10h1.5M9.5 10H17M3 15h9M16.5 15h.5M12.5 3a2 2 0 110 4 2 2 0 010-4zM7 8a2 2 0 110 4 2 2 0 010-4zM14.2 13a2 2 0 110 4 2 2 0 010-4z',
};

export function NavIcon({ id }: { id: PageId }) {
  return (
    <svg className="icon sidenav__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[id]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
