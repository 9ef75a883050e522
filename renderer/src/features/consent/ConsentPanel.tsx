import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import type { ConsentRow, ConsentState, Customer } from '../../contract';
import { formatMoment } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { ConsentHistory } from './ConsentHistory';
import { ConsentReceipt } from './ConsentReceipt';
import { ConsentRecordForm } from './ConsentRecordForm';
import { statusKey } from './consentText';

/**
 * One row per purpose that rests on consent: where this customer stands (nothing is assumed: "not
 * asked yet" until something is recorded), since when and how, and the way to record what they say.
 * Consent is never a condition of saving the customer.
 */
export function ConsentPanel({ customer }: { customer: Customer }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const consent = useStore((s) => s.consent);
  const consentError = useStore((s) => s.consentError);
  const loadConsent = useStore((s) => s.loadConsent);
  const canEdit = usePermission('customers.edit');
  const saveForm = useStore((s) => s.saveConsentForm);
  const [recording, setRecording] = useState<{ purposeKey: string; state: ConsentState } | null>(null);
  const [receipt, setReceipt] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadConsent(customer.id);
  }, [customer.id, loadConsent]);

  const mine = consent?.customerId === customer.id ? consent : null;
  const name = (r: ConsentRow) => r.name[locale];
  const actions = (r: ConsentRow): ConsentState[] => (r.status === 'given' ? ['withdrawn'] : ['given', 'refused']).filter((s) => s !== r.status) as ConsentState[];

  return (
    <section className="consent" aria-labelledby="consent-title">
      <div className="section-head">
        <h3 id="consent-title" className="section-title" ref={heading} tabIndex={-1}>
          {t('consent.title')}
        </h3>
        {canEdit && mine && mine.rows.some((r) => r.active) && (
          <button
            type="button"
            className="button button--outline button--small"
            disabled={printing}
            aria-describedby="consent-form-hint"
            onClick={() => {
              setPrinting(true);
              void saveForm(customer.id).finally(() => setPrinting(false));
            }}
            data-testid="consent-print-form"
          >
            {t('consent.form.print')}
          </button>
        )}
      </div>
      <p className="muted">{t('consent.intro')}</p>
      {canEdit && mine && mine.rows.some((r) => r.active) && (
        <p className="field__hint" id="consent-form-hint">
          {t('consent.form.hint')}
        </p>
      )}
      {consentError && !mine && <Alert>{t(errorKey(consentError))}</Alert>}
      {!mine && !consentError && <p className="muted">{t('common.loading')}</p>}
      {mine && mine.rows.length === 0 && <p className="muted" data-testid="consent-none">{t('consent.noPurposes')}</p>}
      {mine && mine.rows.length > 0 && (
        <ul className="consent__rows" data-testid="consent-rows">
          {mine.rows.map((r) => (
            <li key={r.purposeKey} className="consent__row" data-testid={`consent-row-${r.purposeKey}`}>
              <div className="consent__what">
                <strong>{name(r)}</strong>
                <span className="muted">{r.description[locale]}</span>
              </div>
              <div className="consent__state">
                <span className={`badge consent-badge consent-badge--${r.status}`} data-testid={`consent-status-${r.purposeKey}`}>
                  {t(statusKey(r.status))}
                </span>
                {r.current && (
                  <span className="muted consent__since">
                    {t('consent.since', { when: formatMoment(locale, r.current.at), method: t(`consent.method.${r.current.method}`) })}
                  </span>
                )}
              </div>
              {canEdit && r.active && recording?.purposeKey !== r.purposeKey && (
                <div className="consent__actions">
                  {actions(r).map((state) => (
                    <button
                      key={state}
                      type="button"
                      className={state === 'given' ? 'button button--outline button--small' : 'button button--ghost button--small'}
                      onClick={() => setRecording({ purposeKey: r.purposeKey, state })}
                      aria-label={t(`consent.action.${state}Label`, { purpose: name(r) })}
                      data-testid={`consent-${state}-${r.purposeKey}`}
                    >
                      {t(`consent.action.${state}`)}
                    </button>
                  ))}
                  {r.current && (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      aria-expanded={receipt === r.current.id}
                      onClick={() => setReceipt(receipt === r.current!.id ? null : r.current!.id)}
                      aria-label={t('consent.receipt.openLabel', { purpose: name(r) })}
                      data-testid={`consent-receipt-open-${r.purposeKey}`}
                    >
                      {t('consent.receipt.open')}
                    </button>
                  )}
                </div>
              )}
              {r.current && receipt === r.current.id && <ConsentReceipt entry={r.current} onClose={() => setReceipt(null)} />}
              {recording?.purposeKey === r.purposeKey && (
                <ConsentRecordForm
                  customer={customer}
                  row={r}
                  state={recording.state}
                  minorByBirthday={mine.minorByBirthday}
                  noticeVersion={mine.noticeVersion}
                  onDone={() => {
                    setRecording(null);
                    setTimeout(() => heading.current?.focus(), 0);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {mine && mine.history.length > 0 && <ConsentHistory consent={mine} />}
    </section>
  );
}
