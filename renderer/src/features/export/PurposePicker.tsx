import type { Purpose } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

interface Props {
  purposes: Purpose[];
  value: string | null;
  onChange(key: string): void;
  disabled: boolean;
  /** "Choose what the export is for" is showing. */
  missing: boolean;
}

/**
 * Which purpose the export is for (every export names one; the vault records it). A consent-based
 * purpose says that only customers who agreed are exported — and then the vault writes only them, with
 * the name and the data that purpose uses.
 */
export function PurposePicker({ purposes, value, onChange, disabled, missing }: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const picked = purposes.find((p) => p.key === value);
  return (
    <fieldset
      className="radio-group export-grid__wide"
      disabled={disabled}
      aria-describedby={missing ? 'export-purpose-error export-purpose-hint' : 'export-purpose-hint'}
      data-testid="export-purpose"
    >
      <legend className="field__label">{t('export.purpose')}</legend>
      {purposes.map((p, i) => (
        <div key={p.key} className="check">
          <input
            type="radio"
            id={i === 0 ? 'export-purpose-first' : `export-purpose-${p.key}`}
            name="export-purpose"
            value={p.key}
            checked={value === p.key}
            onChange={() => onChange(p.key)}
            data-testid={`export-purpose-${p.key}`}
          />
          <label htmlFor={i === 0 ? 'export-purpose-first' : `export-purpose-${p.key}`}>
            {p.needsConsent ? t('export.purpose.consent', { name: p.name[locale] }) : p.name[locale]}
          </label>
        </div>
      ))}
      <p className="field__hint" id="export-purpose-hint">
        {picked?.needsConsent ? t('export.purpose.consentNote', { name: picked.name[locale] }) : t('export.purpose.hint')}
      </p>
      {missing && (
        <p id="export-purpose-error" className="field__error" role="alert">
          {t('export.noPurpose')}
        </p>
      )}
    </fieldset>
  );
}
