import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { REQUEST_CHANNELS, REQUEST_LAW, REQUEST_TYPES, type AppError, type Lang, type RequestChannel, type RequestDetail, type RequestType } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';
import { CustomerPicker, type Picked } from './CustomerPicker';
import { DocOutputs } from './DocOutputs';
import { requestRef } from './requestText';

/**
 * Taking a request at the counter (or from a chat, a call, a letter): what is asked and how it came,
 * whom it concerns, the customer's own words. The vault fixes the due time at receipt; the receipt
 * to hand over follows at once.
 */
export function NewRequestDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const createRequest = useStore((s) => s.createRequest);
  const [type, setType] = useState<RequestType>('access');
  const [channel, setChannel] = useState<RequestChannel>('walk-in');
  const [customer, setCustomer] = useState<Picked | null>(null);
  const [notCustomer, setNotCustomer] = useState(false);
  const [requester, setRequester] = useState('');
  const [asked, setAsked] = useState('');
  const [lang, setLang] = useState<Lang>(locale);
  const [earlier, setEarlier] = useState(false);
  const [receivedAt, setReceivedAt] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<RequestDetail | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const at = earlier && receivedAt ? new Date(receivedAt).getTime() : undefined;
    const res = await createRequest({
      type,
      channel,
      customerIds: customer ? [customer.id] : [],
      notCustomer,
      asked,
      lang,
      ...(requester.trim() && !customer ? { requester: requester.trim() } : {}),
      ...(at !== undefined && Number.isFinite(at) ? { receivedAt: at } : {}),
    });
    setBusy(false);
    if (res.ok) setCreated(res.value);
    else setError(res.error);
  };
  const law = REQUEST_LAW[type];
  const fieldError = (f: string) => {
    const code = error?.code === 'invalid_input' ? error.fields?.[f] : undefined;
    return code ? t(fieldErrorKey(code)) : undefined;
  };

  if (created) {
    return (
      <Dialog title={t('requests.form.title')} onClose={onClose} testId="request-created">
        <Alert tone="info">{t('requests.form.created', { ref: requestRef(created.number), due: formatMoment(locale, created.dueAt) })}</Alert>
        <DocOutputs kind="receipt" number={created.number} initialLang={created.lang} />
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose} data-testid="request-created-close">
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('requests.form.title')} onClose={onClose} size="large" testId="request-new">
      <form
        className="form requests__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form__row">
          <SelectField id="request-type" label={t('requests.form.type')} value={type} onChange={(v) => setType(v as RequestType)} options={REQUEST_TYPES.map((v) => ({ value: v, label: t(`requests.type.${v}`) }))} hint={law.hours === null ? t('requests.due.shopTarget') : t('requests.due.law', { pasal: law.pasal })} testId="request-type" />
          <SelectField id="request-channel" label={t('requests.form.channel')} value={channel} onChange={(v) => setChannel(v as RequestChannel)} options={REQUEST_CHANNELS.map((v) => ({ value: v, label: t(`requests.channel.${v}`) }))} testId="request-channel" />
        </div>
        <fieldset className="requests__who">
          <legend className="field__label">{t('requests.form.customer')}</legend>
          {customer ? (
            <p className="requests__chosen" data-testid="request-customer">
              <strong>{customer.name}</strong>{' '}
              <button type="button" className="button button--small button--ghost" onClick={() => setCustomer(null)}>
                {t('requests.form.customer.remove')}
              </button>
            </p>
          ) : (
            !notCustomer && <CustomerPicker id="request-customer-search" onPick={setCustomer} />
          )}
          {!customer && (
            <label className="check">
              <input type="checkbox" checked={notCustomer} onChange={(e) => setNotCustomer(e.target.checked)} data-testid="request-not-customer" />
              <span>{t('requests.form.notCustomer')}</span>
            </label>
          )}
          {!customer && <TextField id="request-requester" label={t('requests.form.requester')} value={requester} onChange={setRequester} maxLength={200} testId="request-requester" />}
        </fieldset>
        <TextField id="request-asked" label={t('requests.form.asked')} value={asked} onChange={setAsked} multiline rows={3} maxLength={2000} testId="request-asked" />
        <div className="form__row">
          <SelectField id="request-lang" label={t('requests.form.lang')} value={lang} onChange={(v) => setLang(v as Lang)} options={[{ value: 'id', label: t('notice.lang.id') }, { value: 'en', label: t('notice.lang.en') }]} testId="request-lang" />
        </div>
        <label className="check">
          <input type="checkbox" checked={earlier} onChange={(e) => setEarlier(e.target.checked)} data-testid="request-earlier" />
          <span>{t('requests.form.earlier')}</span>
        </label>
        {earlier && (
          <div className={fieldError('receivedAt') ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="request-received-at">
              {t('requests.form.receivedAt')}
            </label>
            <input id="request-received-at" className="input" type="datetime-local" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} data-testid="request-received-at" />
            {fieldError('receivedAt') && <p className="field__error">{fieldError('receivedAt')}</p>}
          </div>
        )}
        {error && <Alert>{error.code === 'invalid_input' ? Object.values(error.fields ?? {}).map((c) => t(fieldErrorKey(c))).join(' ') : t(errorKey(error.code))}</Alert>}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="request-submit">
            {t('requests.form.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
