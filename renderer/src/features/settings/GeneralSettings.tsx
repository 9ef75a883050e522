import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { IDLE_LOCK_MAX, IDLE_LOCK_MIN, SettingsInput, type ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** Idle auto-lock minutes, saved with `settings.save`. */
export function GeneralSettings({ onClose }: { onClose(): void }) {
  const t = useT();
  const status = useStore((s) => s.status);
  const saveSettings = useStore((s) => s.saveSettings);
  const showNotice = useStore((s) => s.showNotice);
  const current = status?.state === 'unlocked' ? status.settings.idleLockMinutes : IDLE_LOCK_MIN;
  const [minutes, setMinutes] = useState(String(current));
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const parsed = SettingsInput.safeParse({ idleLockMinutes: minutes.trim() === '' ? NaN : Number(minutes) });
    setInvalid(!parsed.success);
    if (!parsed.success) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await saveSettings(parsed.data);
    setBusy(false);
    if (res.ok) {
      onClose();
      showNotice('settings.saved');
    } else setError(res.error.code);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <div className="settings-narrow">
        <TextField
          id="settings-idle-minutes"
          label={t('settings.idleLock')}
          type="number"
          inputMode="numeric"
          min={IDLE_LOCK_MIN}
          max={IDLE_LOCK_MAX}
          value={minutes}
          onChange={(v) => {
            setMinutes(v);
            setInvalid(false);
          }}
          hint={t('settings.idleLockHint', { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX })}
          error={invalid ? t('settings.rangeError', { min: IDLE_LOCK_MIN, max: IDLE_LOCK_MAX }) : undefined}
          inputRef={inputRef}
        />
      </div>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
