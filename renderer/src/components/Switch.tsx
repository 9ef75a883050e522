interface Props {
  checked: boolean;
  onChange(next: boolean): void;
  /** The accessible name ("Kumpulkan Telepon"). */
  label: string;
  disabled?: boolean;
  busy?: boolean;
  describedBy?: string;
  testId?: string;
}

/** An on/off switch (`role="switch"`): Space or Enter toggles it. */
export function Switch({ checked, onChange, label, disabled, busy, describedBy, testId }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-describedby={describedBy}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      disabled={disabled}
      className="switch"
      data-testid={testId}
      // Busy keeps focus (a disabled button would drop it): clicks are ignored instead.
      onClick={() => !busy && onChange(!checked)}
    >
      <span className="switch__thumb" aria-hidden="true" />
    </button>
  );
}
