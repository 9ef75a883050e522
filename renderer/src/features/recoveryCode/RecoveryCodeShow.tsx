import { useT } from '../../i18n/useT';

/** The code, big and monospaced, with why it matters. */
export function RecoveryCodeShow({ groups, onWritten }: { groups: string[]; onWritten(): void }) {
  const t = useT();
  return (
    <section aria-labelledby="recovery-title">
      <h1 id="recovery-title" className="card__title">
        {t('recovery.title')}
      </h1>
      <p className="lead">{t('recovery.intro')}</p>
      <ol className="recovery-code" aria-label={t('recovery.codeLabel', { count: groups.length })} data-testid="recovery-code">
        {groups.map((group, i) => (
          <li key={i} className="recovery-code__group">
            <span className="recovery-code__index" aria-hidden="true">
              {i + 1}
            </span>
            <span className="sr-only">{t('recovery.groupLabel', { n: i + 1 })}: </span>
            <span className="recovery-code__text" data-testid="recovery-group" data-group-index={i}>
              {group}
            </span>
          </li>
        ))}
      </ol>
      <p className="callout callout--warn">{t('recovery.why')}</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onWritten} autoFocus>
          {t('recovery.written')}
        </button>
      </div>
    </section>
  );
}
