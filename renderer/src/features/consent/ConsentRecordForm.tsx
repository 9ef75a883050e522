import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CONSENT_METHODS, type ConsentMethod, type ConsentRow, type ConsentState, type Customer, type ErrorCode, type PickedEvidence } from '../../contract';
import { formatNumber } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

interface Props {
  customer: Customer;
  row: ConsentRow;
  state: ConsentState;
  minorByBirthday: boolean | null;
  noticeVersion: number | null;
  onDone(): void;
}

/** The method is chosen, never pre-set; paper, WhatsApp and forms should come with their evidence. */
const METHODS: readonly ConsentMethod[] = CONSENT_METHODS.filter((m) => m !== 'imported');

/**
 * Records what the customer said: how (chosen, never pre-set), the evidence if there is one, and for
 * a child the parent or guardian. The vault holds the rules; its refusals show under the field.
 */
export function ConsentRecordForm({ customer, row, state, minorByBirthday, noticeVersion, onDone }: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const recordConsent = useStore((s) => s.recordConsent);
  const pickEvidence = useStore((s) => s.pickEvidence);
  const showNotice = useStore((s) => s.showNotice);
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [evidence, setEvidence] = useState<PickedEvidence | null>(null);
  const [minorTick, setMinorTick] = useState(false);
  const [guardianName, setGuardianName] = useState('');
  const [relation, setRelation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const methodRef = useRef<HTMLSelectElement>(null);
  const id = `consent-${row.purposeKey}`;
  const minor = minorByBirthday === true || minorTick;
  const needsGuardian = minor && state === 'given';

  useEffect(() => methodRef.current?.focus(), []);

  const pick = async () => {
    const res = await pickEvidence();
    if (res.ok && res.value) setEvidence(res.value);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (method === '') next.method = t('consent.methodRequired');
    if (needsGuardian && !guardianName.trim()) next.guardianName = t('field.guardian_required');
    if (needsGuardian && !relation.trim()) next.relation = t('consent.relationRequired');
    setErrors(next);
    if (Object.keys(next).length > 0 || method === '') {
      document.getElementById(next.method ? `${id}-method` : `${id}-guardian`)?.focus();
      return;
    }
    setBusy(true);
    const res = await recordConsent({
      customerId: customer.id,
      purposeKey: row.purposeKey,
      state,
      method,
      ...(evidence ? { evidence: { ticket: evidence.ticket } } : {}),
      ...(minorTick ? { minor: true } : {}),
      ...(guardianName.trim() && relation.trim() ? { guardian: { name: guardianName.trim(), relation: relation.trim() } } : {}),
    });
    setBusy(false);
    if (res.ok) {
      showNotice(`consent.recorded.${state}`, { name: customer.name, purpose: row.name[locale] });
      onDone();
      return;
    }
    if (res.error.code === 'invalid_input' && res.error.fields) {
      const f = res.error.fields;
      setErrors({
        ...(f.guardian ? { guardianName: t(`field.${f.guardian}`) } : {}),
        ...(f.evidence ? { evidence: t(`field.${f.evidence}`) } : {}),
        ...(f.purposeKey ? { purpose: t(`field.${f.purposeKey}`) } : {}),
      });
    } else setFormError(res.error.code);
  };

  return (
    <form className="consent__form" onSubmit={submit} noValidate data-testid={`consent-form-${row.purposeKey}`} aria-label={t(`consent.form.${state}`, { purpose: row.name[locale] })}>
      <p className="consent__form-title">
        <strong>{t(`consent.form.${state}`, { purpose: row.name[locale] })}</strong>
      </p>
      {formError && <Alert>{t(errorKey(formError))}</Alert>}
      {errors.purpose && <Alert>{errors.purpose}</Alert>}
      <SelectField
        id={`${id}-method`}
        label={t('consent.method')}
        value={method}
        onChange={(v) => {
          setMethod(v as ConsentMethod | '');
          setErrors(({ method: _gone, ...rest }) => rest);
        }}
        options={[{ value: '', label: t('consent.methodChoose'), disabled: true }, ...METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))]}
        error={errors.method}
        selectRef={methodRef}
        testId={`${id}-method`}
      />
      <div className="field">
        <span className="field__label" id={`${id}-evidence-label`}>
          {t('consent.evidence')}
        </span>
        <div className="consent__evidence">
          <button type="button" className="button button--outline button--small" onClick={() => void pick()} aria-describedby={`${id}-evidence-label`} data-testid={`${id}-pick-evidence`}>
            {evidence ? t('consent.evidenceChange') : t('consent.evidencePick')}
          </button>
          <span className="muted" data-testid={`${id}-evidence-name`}>
            {evidence ? t('consent.evidenceChosen', { name: evidence.fileName, kb: formatNumber(locale, Math.max(1, Math.round(evidence.size / 1024))) }) : t('consent.evidenceNone')}
          </span>
        </div>
        {errors.evidence && <p className="field__error">{errors.evidence}</p>}
      </div>
      {minorByBirthday !== true && (
        <div className="check">
          <input type="checkbox" id={`${id}-minor`} checked={minorTick} onChange={(e) => setMinorTick(e.target.checked)} data-testid={`${id}-minor`} />
          <label htmlFor={`${id}-minor`}>{t('consent.minorTick')}</label>
        </div>
      )}
      {minor && (
        <div className="consent__guardian">
          <p className="muted">{state === 'given' ? t('consent.guardianIntro') : t('consent.guardianOptional')}</p>
          <TextField id={`${id}-guardian`} label={t('consent.guardianName')} value={guardianName} onChange={setGuardianName} error={errors.guardianName} required={needsGuardian} requiredLabel={t('common.required')} />
          <TextField id={`${id}-relation`} label={t('consent.guardianRelation')} value={relation} onChange={setRelation} error={errors.relation} hint={t('consent.guardianRelationHint')} required={needsGuardian} requiredLabel={t('common.required')} />
        </div>
      )}
      <p className="muted consent__notice-version">{noticeVersion === null ? t('consent.noNotice') : t('consent.underNotice', { version: String(noticeVersion) })}</p>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={state === 'given' ? 'button button--primary' : 'button button--danger'} disabled={busy} data-testid={`${id}-save`}>
          {busy ? t('common.saving') : t(`consent.save.${state}`)}
        </button>
      </div>
    </form>
  );
}
