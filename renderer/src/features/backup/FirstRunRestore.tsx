import { AuthLayout } from '../../components/AuthLayout';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RestoreFlow } from './RestoreFlow';

/** A new PC: restore the vault from a backup file and the backup passphrase, before anyone exists to sign in. */
export function FirstRunRestore() {
  const t = useT();
  const flow = useStore((s) => (s.restore?.mode === 'firstRun' ? s.restore : null));
  const closeRestore = useStore((s) => s.closeRestore);
  if (!flow) return null;
  return (
    <AuthLayout wide>
      <section className="firstrun-restore-screen" aria-labelledby="firstrun-restore-title" data-testid="firstrun-restore-screen">
        <h1 id="firstrun-restore-title" className="card__title">
          {t('restore.firstRun.title')}
        </h1>
        <p className="lead">{t('restore.firstRun.intro')}</p>
        <RestoreFlow flow={flow} onCancel={closeRestore} />
      </section>
    </AuthLayout>
  );
}
