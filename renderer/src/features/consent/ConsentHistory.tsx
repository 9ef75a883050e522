import type { ConsentEntry, CustomerConsent } from '../../contract';
import { formatMoment } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { statusKey } from './consentText';

/** Every entry, newest first: what was said, when, how, who wrote it down, under which notice. */
export function ConsentHistory({ consent }: { consent: CustomerConsent }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const saveEvidence = useStore((s) => s.saveEvidence);
  const canOpen = usePermission('customers.viewSensitive');
  const purposeName = (key: string) => consent.rows.find((r) => r.purposeKey === key)?.name[locale] ?? key;
  const proof = (e: ConsentEntry) => {
    if (e.evidence) {
      return canOpen ? (
        <button type="button" className="button button--ghost button--small" onClick={() => void saveEvidence(e.evidence!.id)} data-testid={`consent-evidence-${e.id}`}>
          {t('consent.evidenceSave', { name: e.evidence.fileName })}
        </button>
      ) : (
        <span>{e.evidence.fileName}</span>
      );
    }
    return e.evidenceRef ? <span>{t('consent.evidenceRef', { ref: e.evidenceRef })}</span> : <span className="muted">—</span>;
  };

  return (
    <div className="consent__history">
      <h4 className="section-subtitle">{t('consent.history')}</h4>
      <div className="table-wrap">
        <table className="table" data-testid="consent-history">
          <caption className="sr-only">{t('consent.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent.col.when')}</th>
              <th scope="col">{t('consent.col.purpose')}</th>
              <th scope="col">{t('consent.col.state')}</th>
              <th scope="col">{t('consent.col.method')}</th>
              <th scope="col">{t('consent.col.by')}</th>
              <th scope="col">{t('consent.col.notice')}</th>
              <th scope="col">{t('consent.col.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {consent.history.map((e) => (
              <tr key={e.id}>
                <td>{formatMoment(locale, e.at)}</td>
                <td>{purposeName(e.purposeKey)}</td>
                <td>
                  {t(statusKey(e.state))}
                  {e.guardian && <span className="muted"> · {t('consent.byGuardian', { name: e.guardian.name, relation: e.guardian.relation })}</span>}
                </td>
                <td>{t(`consent.method.${e.method}`)}</td>
                <td>{e.recordedBy.name}</td>
                <td>{e.noticeVersion === null ? '—' : `v${e.noticeVersion}`}</td>
                <td>{proof(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
