import { AuthLayout } from '../../components/AuthLayout';
import { useT } from '../../i18n/useT';
import { beforeSignIn, useStore } from '../../store';
import { RestoreFlow } from './RestoreFlow';

/**
 * Restoring before anyone can sign in, full screen: on a new PC ('firstRun', no vault yet), or over a
 * vault here that cannot be opened ('rescue': its files are kept until Keep or Put back).
 */
export function FirstRunRestore() {
  const t = useT();
  const flow = useStore((s) => (s.restore && beforeSignIn(s.restore.mode) ? s.restore : null));
  const closeRestore = useStore((s) => s.closeRestore);
  if (!flow) return null;
  return (
    <AuthLayout wide>
      <section className="firstrun-restore-screen" aria-labelledby="firstrun-restore-title" data-testid="firstrun-restore-screen" data-mode={flow.mode}>
        <h1 id="firstrun-restore-title" className="card__title">
          {t('restore.firstRun.title')}
        </h1>
        <p className="lead">{t('restore.firstRun.intro')}</p>
        <RestoreFlow flow={flow} onCancel={closeRestore} />
      </section>
    </AuthLayout>
  );
}

/**
 * The secondary way out on a screen before sign-in: restoring from a backup, full screen. On the
 * first-run screen ('firstRun': a new PC) and on the recovery and "cannot be opened" screens
 * ('rescue': the files here are kept until the Owner chooses Keep or Put back).
 */
export function RestoreOffer({ mode }: { mode: 'firstRun' | 'rescue' }) {
  const t = useT();
  const openRestore = useStore((s) => s.openRestore);
  const id = `${mode === 'firstRun' ? 'firstrun' : 'rescue'}-restore`;
  return (
    <div className="firstrun-restore">
      <p className="muted" id={`${id}-hint`}>
        {mode === 'firstRun' ? t('restore.firstRun.hint') : `${t('restore.rescue.hint')} ${t('restore.rescue.kept')}`}
      </p>
      <button
        type="button"
        className="button button--outline button--block"
        onClick={() => openRestore(mode)}
        aria-describedby={`${id}-hint`}
        data-testid={id}
      >
        {t(mode === 'firstRun' ? 'restore.firstRun.open' : 'restore.rescue.open')}
      </button>
    </div>
  );
}
