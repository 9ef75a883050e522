import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatNumber, PURCHASE_CHANNELS, PurchaseInput, type ErrorCode, type FieldErrorCode, type Purchase, type PurchaseChannel } from '../../contract';
import { formatRupiah, parseRupiah, todayIso } from '../../i18n/format';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { channelLabels } from '../fields/fieldText';

type Key = 'date' | 'description' | 'amount' | 'channel';
const KEYS: Key[] = ['date', 'description', 'amount', 'channel'];

interface Props {
  customerId: number;
  /** null: a new purchase. */
  purchase: Purchase | null;
  onDone(): void;
}

/** Add or change one purchase: date, what was bought, amount in whole rupiah, where. */
export function PurchaseForm({ customerId, purchase, onDone }: Props) {
  const t = useT();
  const savePurchase = useStore((s) => s.savePurchase);
  const [date, setDate] = useState(purchase?.date ?? todayIso());
  const [description, setDescription] = useState(purchase?.description ?? '');
  const [amount, setAmount] = useState(purchase ? formatNumber('id', purchase.amount) : '');
  const [channel, setChannel] = useState<PurchaseChannel>(purchase?.channel ?? 'store');
  const [errors, setErrors] = useState<Partial<Record<Key, FieldErrorCode>>>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const parsedAmount = parseRupiah(amount);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const candidate = { customerId, date, description: description.trim(), amount: parsedAmount ?? -1, channel };
    const parsed = PurchaseInput.safeParse(candidate);
    const next: Partial<Record<Key, FieldErrorCode>> = {};
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const key = issue.path[0] as Key;
      if (next[key]) continue;
      if (key === 'description') next[key] = issue.code === 'too_big' ? 'too_long' : 'required';
      else if (key === 'amount') next[key] = amount.trim() ? 'invalid_number' : 'required';
      else next[key] = key === 'date' ? (date ? 'invalid_date' : 'required') : 'invalid_choice';
    }
    setErrors(next);
    setFormError(null);
    const first = KEYS.find((k) => next[k]);
    if (!parsed.success || first) {
      if (first) document.getElementById(`purchase-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const res = await savePurchase(purchase?.id, parsed.data);
    setBusy(false);
    if (res.ok) onDone();
    else setFormError(res.error.code);
  };

  const err = (k: Key) => (errors[k] ? t(fieldErrorKey(errors[k])) : undefined);
  return (
    <form className="purchase-form" onSubmit={submit} noValidate aria-labelledby="purchase-form-title" data-testid="purchase-form">
      <h3 id="purchase-form-title" className="section-title">
        {purchase ? t('purchases.editTitle') : t('purchases.addTitle')}
      </h3>
      {formError && <Alert>{t(errorKey(formError))}</Alert>}
      <div className="purchase-form__grid">
        <TextField id="purchase-date" label={t('purchases.date')} type="date" value={date} onChange={setDate} error={err('date')} autoFocus />
        <TextField id="purchase-description" label={t('purchases.description')} value={description} onChange={setDescription} error={err('description')} maxLength={500} />
        <TextField
          id="purchase-amount"
          label={t('purchases.amount')}
          inputMode="numeric"
          value={amount}
          onChange={setAmount}
          error={err('amount')}
          hint={parsedAmount !== null ? formatRupiah(parsedAmount) : t('purchases.amountHint')}
          maxLength={20}
        />
        <SelectField
          id="purchase-channel"
          label={t('purchases.channel')}
          value={channel}
          onChange={(v) => setChannel(v as PurchaseChannel)}
          options={PURCHASE_CHANNELS.map((c) => ({ value: c, label: t(channelLabels[c]) }))}
          error={err('channel')}
        />
      </div>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('purchases.save')}
        </button>
      </div>
    </form>
  );
}
