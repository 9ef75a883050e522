import { Alert } from '../../components/Alert';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/**
 * On every screen while the demo vault is served: says plainly that the data is made up, how to
 * sign in again after a lock (a demo holds no secret), and throws it all away in one click.
 */
export function DemoBanner() {
  const t = useT();
  const demo = useStore((s) => s.demo);
  const busy = useStore((s) => s.demoBusy === 'discarding');
  const error = useStore((s) => s.demoError);
  const discardDemo = useStore((s) => s.discardDemo);
  if (!demo?.active) return null;
  return (
    <section className="demo-banner" aria-label={t('demo.banner.label')} data-testid="demo-banner">
      <div className="demo-banner__text">
        <strong className="demo-banner__title">{t('demo.banner.title')}</strong>
        <span className="demo-banner__signin">
          {t('demo.banner.signIn', { name: demo.ownerName })}{' '}
          <code className="demo-banner__password" data-testid="demo-password">
            {demo.password}
          </code>
        </span>
      </div>
      {error && <Alert>{error === 'internal' ? t('demo.banner.failed') : t(errorKey(error))}</Alert>}
      <button type="button" className="button demo-banner__discard" onClick={() => void discardDemo()} disabled={busy} data-testid="demo-discard">
        {busy ? t('demo.banner.discarding') : t('demo.banner.discard')}
      </button>
    </section>
  );
}
