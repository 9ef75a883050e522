import { useT } from '../i18n/useT';

/** The app's mark (a stylised safe door) and name. Decorative SVG, no external asset. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <span className="brand">
      <svg className="brand__icon" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <rect x="3" y="4" width="26" height="24" rx="5" fill="currentColor" />
        <circle cx="16" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2" />
        <circle cx="16" cy="16" r="1.8" fill="#fff" />
        <path d="M16 9.5v2.2M16 20.3v2.2M9.5 16h2.2M20.3 16h2.2" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
      {!compact && <span className="brand__tagline">{t('app.tagline')}</span>}
    </span>
  );
}
