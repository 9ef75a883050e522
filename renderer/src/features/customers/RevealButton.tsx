import { useState } from 'react';
import type { Customer } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { revealKey } from '../../store/customersSlice';

interface Props {
  customer: Customer;
  field: string;
  /** The field's name as the form labels it ("Telepon"). */
  fieldLabel: string;
  tabIndex?: number;
  className?: string;
}

const EYE = 'M1.5 10S4.5 4 10 4s8.5 6 8.5 6-3 6-8.5 6S1.5 10 1.5 10z';

/** "Show" beside a masked value (every reveal is recorded by the main process); "Hide" masks it again. */
export function RevealButton({ customer, field, fieldLabel, tabIndex, className }: Props) {
  const t = useT();
  const revealed = useStore((s) => s.revealed[revealKey(customer.id, field)]);
  const reveal = useStore((s) => s.reveal);
  const hideRevealed = useStore((s) => s.hideRevealed);
  const showNotice = useStore((s) => s.showNotice);
  const [busy, setBusy] = useState(false);

  const toggle = async () => {
    if (revealed) return hideRevealed(customer.id, field);
    setBusy(true);
    const res = await reveal(customer.id, field);
    setBusy(false);
    if (!res.ok) showNotice(errorKey(res.error.code));
  };

  const params = { field: fieldLabel.toLocaleLowerCase(), name: customer.name };
  return (
    <button
      type="button"
      className={`reveal ${className ?? ''}`}
      onClick={() => void toggle()}
      disabled={busy}
      tabIndex={tabIndex}
      aria-label={t(revealed ? 'mask.hideLabel' : 'mask.showLabel', params)}
      title={t(revealed ? 'mask.hideLabel' : 'mask.showLabel', params)}
      data-testid="reveal-button"
      data-field={field}
    >
      <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <g fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
          <path d={EYE} />
          <circle cx="10" cy="10" r="2.5" />
          {revealed && <path d="M3 3l14 14" />}
        </g>
      </svg>
    </button>
  );
}
