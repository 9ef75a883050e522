import type { Ref } from 'react';
import { describedByFor, FieldNotes } from './TextField';

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  purpose?: string | undefined;
  selectRef?: Ref<HTMLSelectElement>;
  testId?: string;
}

/** A labelled native <select> with the same hint / purpose / error wiring as TextField. */
export function SelectField({ id, label, value, options, onChange, error, hint, purpose, selectRef, testId }: Props) {
  const { describedBy } = describedByFor(id, { error, hint, purpose });
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        name={id}
        ref={selectRef}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} error={error} hint={hint} purpose={purpose} />
    </div>
  );
}
