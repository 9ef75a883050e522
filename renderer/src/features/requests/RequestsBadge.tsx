import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';

/** The navigation's count of open requests: red when one is overdue, amber when one is due within 24 hours. */
export function RequestsBadge() {
  const t = useT();
  const canHandle = usePermission('privacy.handle');
  const overview = useStore((s) => s.requestsOverview);
  const load = useStore((s) => s.loadRequestsOverview);
  // The clock moves on its own: the counts are asked for again every minute.
  useEffect(() => {
    if (!canHandle) return;
    void load();
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [canHandle, load]);
  if (!canHandle || !overview || overview.open === 0) return null;
  const urgency = overview.overdue > 0 ? 'overdue' : overview.dueSoon > 0 ? 'due_soon' : 'ok';
  return (
    <span className={`sidenav__badge time-left--${urgency}`} data-testid="nav-requests-badge" data-urgency={urgency}>
      <span aria-hidden="true">{overview.open}</span>
      <span className="sr-only">{t('requests.badge', { count: overview.open })}</span>
    </span>
  );
}
