import type { Ref } from 'react';
import { Autocomplete } from '../../components/Autocomplete';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CUSTOMER_LIMITS, GENDERS, type FieldDef } from '../../contract';
import { todayIso } from '../../i18n/format';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { enabledFields, useStore } from '../../store';
import { fieldLabel, genderLabels } from '../fields/fieldText';
import { purposeNames } from '../fields/purposeText';
import { parseTags, valueOf, type FormErrors, type FormValues } from './formModel';
import { MaskedField } from './MaskedField';

/** Masked values on the form and how to reveal them. */
export interface Masking {
  /** Keys still masked (not revealed yet). */
  locked: ReadonlySet<string>;
  /** The masked values as sent, by key. */
  shown: Record<string, string>;
  /** Absent when the role may not reveal. */
  onReveal?: (key: string) => void;
  revealing: string | null;
  customerName: string;
}

interface Props {
  values: FormValues;
  errors: FormErrors;
  fields: FieldDef[];
  onChange(key: string, value: string): void;
  nameRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
  masking?: Masking;
}

const WIDE = new Set(['address', 'notes', 'preferences']);
const maxLength: Record<string, number> = {
  phone: CUSTOMER_LIMITS.phone,
  email: CUSTOMER_LIMITS.email,
  address: CUSTOMER_LIMITS.address,
  city: CUSTOMER_LIMITS.city,
  notes: CUSTOMER_LIMITS.notes,
  preferences: CUSTOMER_LIMITS.preferences,
};

/** The customer form's inputs: name, the fields switched on (each with its purpose), tags. */
export function CustomerFields({ values, errors, fields, onChange, nameRef, masking }: Props) {
  const t = useT();
  const suggestTags = useStore((s) => s.suggestTags);
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const tags = parseTags(values.tags);
  const error = (key: string) => {
    const code = errors[key];
    return code ? t(fieldErrorKey(code)) : undefined;
  };

  const input = (field: FieldDef) => {
    const id = `customer-${field.key}`;
    const why = purposeNames(field, purposes, locale);
    const common = {
      id,
      label: fieldLabel(t, field),
      value: valueOf(values, field.key),
      onChange: (v: string) => onChange(field.key, v),
      error: error(field.key),
      purpose: why ? t('form.purpose', { purpose: why }) : undefined,
    };
    if (masking?.locked.has(field.key)) {
      const onReveal = masking.onReveal;
      return (
        <MaskedField
          id={id}
          label={common.label}
          value={masking.shown[field.key] ?? ''}
          purpose={common.purpose}
          onReveal={onReveal && (() => onReveal(field.key))}
          busy={masking.revealing === field.key}
          revealLabel={t('mask.showLabel', { field: common.label.toLocaleLowerCase(), name: masking.customerName })}
        />
      );
    }
    const choices = field.key === 'gender' ? GENDERS.map((g) => ({ value: g, label: t(genderLabels[g]) })) : field.kind === 'choice' ? field.choices.map((c) => ({ value: c, label: c })) : null;
    if (choices) return <SelectField {...common} options={[{ value: '', label: t('form.notFilled') }, ...choices]} />;
    if (field.kind === 'date') return <TextField {...common} type="date" min="1900-01-01" max={field.key === 'birthday' ? todayIso() : undefined} />;
    return (
      <TextField
        {...common}
        type={field.kind === 'phone' ? 'tel' : field.kind === 'email' ? 'email' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        hint={field.key === 'phone' ? t('form.phoneHint') : undefined}
        multiline={field.kind === 'longtext'}
        rows={field.key === 'address' ? 2 : 3}
        maxLength={maxLength[field.key] ?? CUSTOMER_LIMITS.customText}
      />
    );
  };

  return (
    <div className="form-grid">
      <div className="form-grid__wide">
        <TextField
          id="customer-name"
          label={t('form.name')}
          value={values.name}
          onChange={(v) => onChange('name', v)}
          error={error('name')}
          required
          requiredLabel={t('common.required')}
          inputRef={nameRef}
          maxLength={CUSTOMER_LIMITS.name}
        />
      </div>
      {enabledFields(fields).map((field) => (
        <div key={field.key} className={WIDE.has(field.key) ? 'form-grid__wide' : undefined}>
          {input(field)}
        </div>
      ))}
      <div className="form-grid__wide">
        <Autocomplete
          id="customer-tags"
          label={t('form.tags')}
          mode="list"
          value={values.tags}
          onChange={(v) => onChange('tags', v)}
          suggest={suggestTags}
          hint={t('form.tagsHint')}
          error={error('tags')}
        />
        {tags.length > 0 && (
          <div className="tag-preview" aria-hidden="true">
            {tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
