import type { AuditEntry } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';
import { actionKey, detailLabel, detailValue, outcomeKey, targetText } from './auditText';

/** The entries, newest first; details as "label: value" lines. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  return (
    // It scrolls (max-height): focusable, so the keyboard can scroll it too.
    <div className="table-wrap audit__wrap" tabIndex={0} role="region" aria-label={t('audit.table')}>
      <table className="table table--compact audit__table" data-testid="audit-table">
        <caption className="sr-only">{t('audit.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.person')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col">{t('audit.col.outcome')}</th>
            <th scope="col">{t('audit.col.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const details = Object.entries(e.details);
            return (
              <tr key={e.id} data-testid={`audit-row-${e.id}`}>
                <td className="nowrap">{formatMoment(locale, e.at)}</td>
                <td>{e.actorName || t('audit.system')}</td>
                <th scope="row" className="audit__action">
                  {t(actionKey(e.action))}
                </th>
                <td className="nowrap">{targetText(t, e)}</td>
                <td>
                  <span className={`badge audit__outcome audit__outcome--${e.outcome}`}>{t(outcomeKey(e.outcome))}</span>
                </td>
                <td>
                  {details.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <dl className="audit__details">
                      {details.map(([k, value]) => (
                        <div key={k}>
                          <dt>{detailLabel(t, k)}:</dt> <dd>{detailValue(t, value, k)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
