import type { ChangeEvent, Ref } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Translated error text; sets aria-invalid and is linked by aria-describedby. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Why this data is collected (the field catalogue's purpose), shown under the input. */
  purpose?: string | undefined;
  required?: boolean;
  requiredLabel?: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'number' | 'date';
  multiline?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  mono?: boolean;
  min?: number | string;
  max?: number | string;
  maxLength?: number;
  spellCheck?: boolean;
  rows?: number;
  placeholder?: string;
  testId?: string;
}

/** The ids that describe a field: its error (which replaces the hint) and its purpose. */
export function describedByFor(id: string, p: { error?: string | undefined; hint?: string | undefined; purpose?: string | undefined }) {
  const errorId = p.error ? `${id}-error` : undefined;
  const hintId = p.hint && !p.error ? `${id}-hint` : undefined;
  const purposeId = p.purpose ? `${id}-purpose` : undefined;
  return { errorId, hintId, purposeId, describedBy: [errorId, hintId, purposeId].filter(Boolean).join(' ') || undefined };
}

/** Error, hint and purpose lines under a field. */
export function FieldNotes({ id, error, hint, purpose }: { id: string; error?: string | undefined; hint?: string | undefined; purpose?: string | undefined }) {
  const ids = describedByFor(id, { error, hint, purpose });
  return (
    <>
      {error && (
        <p id={ids.errorId} className="field__error">
          {error}
        </p>
      )}
      {ids.hintId && (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      )}
      {ids.purposeId && (
        <p id={ids.purposeId} className="field__purpose">
          {purpose}
        </p>
      )}
    </>
  );
}

/** Label, input, hint, purpose and error, wired together for assistive technology. */
export function TextField({ inputRef, ...p }: Props) {
  // An error replaces the hint: every error message already says what to type instead.
  const { describedBy } = describedByFor(p.id, p);
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => p.onChange(e.target.value),
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': p.required || undefined,
    autoComplete: p.autoComplete ?? 'off',
    autoFocus: p.autoFocus,
    maxLength: p.maxLength,
    spellCheck: p.spellCheck,
    placeholder: p.placeholder,
    className: p.mono ? 'input input--mono' : 'input',
    'data-testid': p.testId,
  };
  return (
    <div className={p.error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={p.id}>
        {p.label}
        {p.required && p.requiredLabel && <span className="field__required"> ({p.requiredLabel})</span>}
      </label>
      {p.multiline ? (
        <textarea {...common} ref={inputRef} rows={p.rows ?? 3} />
      ) : (
        <input {...common} ref={inputRef} type={p.type ?? 'text'} inputMode={p.inputMode} min={p.min} max={p.max} />
      )}
      <FieldNotes id={p.id} error={p.error} hint={p.hint} purpose={p.purpose} />
    </div>
  );
}
