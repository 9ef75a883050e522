import type { Ref } from 'react';
import { TextField } from '../../components/TextField';
import { CUSTOMER_LIMITS } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { parseTags, type FieldName, type FormErrors, type FormValues } from './formModel';

interface Props {
  values: FormValues;
  errors: FormErrors;
  onChange(field: FieldName, value: string): void;
  nameRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

const layout: { field: FieldName; label: MessageKey; hint?: MessageKey; type?: 'tel' | 'email'; multiline?: boolean; wide?: boolean }[] = [
  { field: 'name', label: 'form.name', wide: true },
  { field: 'phone', label: 'form.phone', hint: 'form.phoneHint', type: 'tel' },
  { field: 'email', label: 'form.email', type: 'email' },
  { field: 'address', label: 'form.address', multiline: true, wide: true },
  { field: 'city', label: 'form.city' },
  { field: 'tags', label: 'form.tags', hint: 'form.tagsHint' },
  { field: 'notes', label: 'form.notes', multiline: true, wide: true },
];

const maxLength: Partial<Record<FieldName, number>> = {
  name: CUSTOMER_LIMITS.name,
  phone: CUSTOMER_LIMITS.phone,
  email: CUSTOMER_LIMITS.email,
  address: CUSTOMER_LIMITS.address,
  city: CUSTOMER_LIMITS.city,
  notes: CUSTOMER_LIMITS.notes,
};

/** The customer form's inputs, each with its label, hint and translated error. */
export function CustomerFields({ values, errors, onChange, nameRef }: Props) {
  const t = useT();
  const tags = parseTags(values.tags);
  return (
    <div className="form-grid">
      {layout.map(({ field, label, hint, type, multiline, wide }) => {
        const error = errors[field];
        return (
          <div key={field} className={wide ? 'form-grid__wide' : undefined}>
            <TextField
              id={`customer-${field}`}
              label={t(label)}
              value={values[field]}
              onChange={(v) => onChange(field, v)}
              error={error ? t(fieldErrorKey(error)) : undefined}
              hint={hint ? t(hint) : undefined}
              required={field === 'name'}
              requiredLabel={t('common.required')}
              type={type ?? 'text'}
              multiline={multiline ?? false}
              rows={field === 'address' ? 2 : 3}
              inputRef={field === 'name' ? nameRef : undefined}
              autoComplete="off"
              maxLength={maxLength[field]}
            />
            {field === 'tags' && tags.length > 0 && (
              <div className="tag-preview" aria-hidden="true">
                {tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
