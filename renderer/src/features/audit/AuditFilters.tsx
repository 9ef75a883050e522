import { useState, type FormEvent } from 'react';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { auditActions, type AuditAction } from '../../contract';
import { useT } from '../../i18n/useT';
import type { AuditFilter } from '../../store';
import { actionKey, dayToMs } from './auditText';

export interface PersonOption {
  id: number;
  name: string;
}

interface Values {
  actorId: string;
  action: string;
  customerId: string;
  from: string;
  to: string;
}
const empty: Values = { actorId: '', action: '', customerId: '', from: '', to: '' };

/** The form's values as a filter, or which field is wrong. */
export function toFilter(v: Values): { filter: AuditFilter } | { invalid: 'customerId' | 'to' } {
  const filter: AuditFilter = {};
  if (v.actorId) filter.actorId = Number(v.actorId);
  if (v.action) filter.action = v.action as AuditAction;
  const customer = v.customerId.trim().replace(/^#/, '');
  if (customer) {
    if (!/^\d{1,15}$/.test(customer) || Number(customer) < 1) return { invalid: 'customerId' };
    filter.customerId = Number(customer);
  }
  const from = dayToMs(v.from);
  const to = dayToMs(v.to, true);
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (from !== undefined && to !== undefined && from > to) return { invalid: 'to' };
  return { filter };
}

/** Person, action, customer number and a date range; "Show" applies them. */
export function AuditFilters({ people, onApply }: { people: PersonOption[]; onApply(filter: AuditFilter): void }) {
  const t = useT();
  const [v, setV] = useState<Values>(empty);
  const [invalid, setInvalid] = useState<'customerId' | 'to' | null>(null);
  const change = (patch: Partial<Values>) => {
    setV((old) => ({ ...old, ...patch }));
    setInvalid(null);
  };
  const actions = auditActions
    .map((a) => ({ value: a, label: t(actionKey(a)) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const res = toFilter(v);
    if ('invalid' in res) {
      setInvalid(res.invalid);
      document.getElementById(`audit-${res.invalid === 'to' ? 'to' : 'customer'}`)?.focus();
      return;
    }
    onApply(res.filter);
  };

  return (
    <form className="audit-filters" onSubmit={submit} noValidate aria-label={t('audit.filters')} data-testid="audit-filters">
      <SelectField
        id="audit-person"
        label={t('audit.person')}
        value={v.actorId}
        onChange={(actorId) => change({ actorId })}
        options={[{ value: '', label: t('audit.anyPerson') }, ...people.map((p) => ({ value: String(p.id), label: p.name }))]}
        testId="audit-person"
      />
      <SelectField
        id="audit-action"
        label={t('audit.action')}
        value={v.action}
        onChange={(action) => change({ action })}
        options={[{ value: '', label: t('audit.anyAction') }, ...actions]}
        testId="audit-action"
      />
      <TextField
        id="audit-customer"
        label={t('audit.customerId')}
        value={v.customerId}
        onChange={(customerId) => change({ customerId })}
        inputMode="numeric"
        error={invalid === 'customerId' ? t('audit.customerIdError') : undefined}
        testId="audit-customer"
      />
      <TextField id="audit-from" label={t('audit.from')} type="date" value={v.from} onChange={(from) => change({ from })} testId="audit-from" />
      <TextField id="audit-to" label={t('audit.to')} type="date" value={v.to} onChange={(to) => change({ to })} error={invalid === 'to' ? t('audit.dateOrder') : undefined} testId="audit-to" />
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setV(empty);
            setInvalid(null);
            onApply({});
          }}
          data-testid="audit-reset"
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
