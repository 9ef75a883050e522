import { describedByFor, FieldNotes } from '../../components/TextField';
import { useT } from '../../i18n/useT';

interface Props {
  id: string;
  label: string;
  /** The masked value as the main process sent it, e.g. 0812****7890. */
  value: string;
  purpose?: string | undefined;
  /** Absent: the role may not reveal, so the value stays masked and read-only. */
  onReveal?: () => void;
  busy?: boolean;
  revealLabel: string;
}

/** A masked value in the customer form: read-only (saved back unchanged) until revealed. */
export function MaskedField({ id, label, value, purpose, onReveal, busy = false, revealLabel }: Props) {
  const t = useT();
  const hint = t('mask.note');
  const { describedBy } = describedByFor(id, { hint: onReveal ? hint : undefined, purpose });
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="masked">
        <input id={id} name={id} className="input input--masked" value={value} readOnly aria-describedby={describedBy} data-testid={`masked-${id}`} />
        {onReveal && (
          <button
            type="button"
            className="button button--outline button--small"
            onClick={onReveal}
            disabled={busy}
            aria-label={revealLabel}
            data-testid="reveal-button"
            data-field={id.replace(/^customer-/, '')}
          >
            {t('mask.show')}
          </button>
        )}
      </div>
      <FieldNotes id={id} hint={onReveal ? hint : undefined} purpose={purpose} />
    </div>
  );
}
