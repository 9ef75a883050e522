import type { ChangeEvent, Ref } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Translated error text; sets aria-invalid and is linked by aria-describedby. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  requiredLabel?: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'number';
  multiline?: boolean;
  autoComplete?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  mono?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  spellCheck?: boolean;
  rows?: number;
}

/** Label, input, hint and error, wired together for assistive technology. */
export function TextField({ inputRef, ...p }: Props) {
  // An error replaces the hint: every error message already says what to type instead.
  const hintId = p.hint && !p.error ? `${p.id}-hint` : undefined;
  const errorId = p.error ? `${p.id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
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
    className: p.mono ? 'input input--mono' : 'input',
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
        <input
          {...common}
          ref={inputRef}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          min={p.min}
          max={p.max}
        />
      )}
      {p.error && (
        <p id={errorId} className="field__error">
          {p.error}
        </p>
      )}
      {hintId && (
        <p id={hintId} className="field__hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}
