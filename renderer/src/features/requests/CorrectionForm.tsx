import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/useT';
import { enabledFields, useStore } from '../../store';
import { fieldLabel } from '../fields/fieldText';

/** Text fields that can be corrected from a request (tags, gender and custom fields stay in the customer form). */
const CORRECTABLE = ['name', 'phone', 'email', 'address', 'city', 'birthday', 'notes', 'preferences'] as const;
type Correctable = (typeof CORRECTABLE)[number];

/** One field at a time, its correct value; the vault keeps before and after on the request. */
export function CorrectionForm({ number, customerId }: { number: number; customerId: number }) {
  const t = useT();
  const fields = useStore((s) => s.fields);
  const correct = useStore((s) => s.correctFromRequest);
  const showNotice = useStore((s) => s.showNotice);
  const on = enabledFields(fields).filter((f) => (CORRECTABLE as readonly string[]).includes(f.key));
  const [field, setField] = useState<Correctable>((on[0]?.key as Correctable | undefined) ?? 'name');
  const [value, setValue] = useState('');
  const save = async () => {
    const res = await correct({ number, customerId, changes: { [field]: value.trim() } });
    if (res.ok) {
      setValue('');
      showNotice('requests.correct.saved');
    }
  };
  return (
    <form
      className="requests__correct"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <SelectField id="request-correct-field" label={t('requests.correct.field')} value={field} onChange={(v) => setField(v as Correctable)} options={on.map((f) => ({ value: f.key, label: fieldLabel(t, f) }))} testId="request-correct-field" />
      <TextField id="request-correct-value" label={t('requests.correct.value')} value={value} onChange={setValue} type={field === 'birthday' ? 'date' : 'text'} testId="request-correct-value" />
      <div className="actions">
        <button type="submit" className="button button--primary button--small" disabled={field === 'name' && !value.trim()} data-testid="request-correct-save">
          {t('requests.correct.save')}
        </button>
      </div>
    </form>
  );
}
