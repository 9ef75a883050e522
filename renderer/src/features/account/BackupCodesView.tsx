import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

interface Props {
  codes: string[];
  onDone(): void;
  /** 1 on a full screen, 3 inside a dialog's tab. */
  headingLevel: 1 | 3;
}

/** The one-time backup codes, shown once: a print-friendly list and "I have written these down". */
export function BackupCodesView({ codes, onDone, headingLevel }: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const Heading = headingLevel === 1 ? 'h1' : 'h3';
  return (
    <section className="backup-codes" aria-labelledby="backup-codes-title" data-testid="backup-codes">
      <Heading id="backup-codes-title" className={headingLevel === 1 ? 'card__title' : 'section-title'}>
        {t('backup.title')}
      </Heading>
      <p className="callout callout--warn">{t('backup.intro')}</p>
      <ol className="backup-codes__list" aria-label={t('backup.listLabel', { count: formatNumber(locale, codes.length) })}>
        {codes.map((code) => (
          <li key={code} className="backup-codes__code" data-testid="backup-code">
            {code}
          </li>
        ))}
      </ol>
      <div className="actions backup-codes__actions">
        <button type="button" className="button button--outline" onClick={() => window.print()} data-testid="backup-codes-print">
          {t('backup.print')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone} autoFocus data-testid="backup-codes-done">
          {t('backup.done')}
        </button>
      </div>
    </section>
  );
}
