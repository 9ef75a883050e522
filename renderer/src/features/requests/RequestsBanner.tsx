import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { requestRef } from './requestText';

/**
 * The home screen's word on requests (privacy.handle): amber when one is due within 24 hours, red
 * when one is overdue; nothing otherwise. Counts and the clock come from the vault.
 */
export function RequestsBanner() {
  const t = useT();
  const canHandle = usePermission('privacy.handle');
  const overview = useStore((s) => s.requestsOverview);
  const load = useStore((s) => s.loadRequestsOverview);
  const goTo = useStore((s) => s.goTo);

  useEffect(() => {
    if (canHandle) void load();
  }, [canHandle, load]);

  if (!canHandle || !overview?.next || (overview.overdue === 0 && overview.dueSoon === 0)) return null;
  const next = overview.next;
  const overdue = overview.overdue > 0;
  const hours = Math.abs(next.hoursLeft ?? 0) || (overdue ? 1 : 0);
  return (
    <div
      className={overdue ? 'callout callout--danger requests-banner' : 'callout callout--warn requests-banner'}
      role="region"
      aria-label={t('requests.banner.label')}
      data-testid="home-requests-banner"
      data-state={overdue ? 'overdue' : 'due_soon'}
    >
      <span>{t(overdue ? 'requests.banner.overdue' : 'requests.banner.dueSoon', { count: overdue ? overview.overdue : overview.dueSoon, ref: requestRef(next.number), hours })}</span>
      <button type="button" className="button button--small button--outline" onClick={() => goTo('requests')} data-testid="home-requests-open">
        {t('requests.banner.open')}
      </button>
    </div>
  );
}
