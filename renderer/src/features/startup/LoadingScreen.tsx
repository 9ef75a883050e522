import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { useT, errorKey } from '../../i18n/useT';
import { useStore } from '../../store';

/** Before the first `vault.status` answer, or when asking for it failed. */
export function LoadingScreen() {
  const t = useT();
  const statusError = useStore((s) => s.statusError);
  const loadStatus = useStore((s) => s.loadStatus);
  return (
    <AuthLayout>
      <h1 className="card__title">{statusError ? t('startup.failed') : t('startup.loading')}</h1>
      {statusError ? (
        <>
          <Alert>{t(errorKey(statusError))}</Alert>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => void loadStatus()}>
              {t('common.retry')}
            </button>
          </div>
        </>
      ) : (
        <div className="spinner" aria-hidden="true" />
      )}
    </AuthLayout>
  );
}
