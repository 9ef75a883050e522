import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/**
 * "Access review due" for the main screen (above the customer list), shown to those who manage staff.
 * Its button opens Settings on the Access review tab.
 */
export function AccessReviewBanner() {
  const t = useT();
  const due = useStore((s) => s.status?.state === 'unlocked' && s.status.accessReviewDue && s.status.user.permissions.includes('staff.manage'));
  const openSettingsAt = useStore((s) => s.openSettingsAt);
  if (!due) return null;
  return (
    <div className="callout callout--warn review-banner" role="region" aria-label={t('review.banner.label')} data-testid="review-banner">
      <span>{t('review.banner.text')}</span>
      <button type="button" className="button button--small button--outline" onClick={() => openSettingsAt('review')} data-testid="review-banner-open">
        {t('review.banner.open')}
      </button>
    </div>
  );
}
