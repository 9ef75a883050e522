import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { IDLE_LOCK_MAX, IDLE_LOCK_MIN, roles, SettingsInput, type ErrorCode, type Role } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { roleKey } from '../staff/staffText';

/** Idle auto-lock minutes and the roles that must use two-step verification, saved with `settings.save`. */
export function GeneralSettings({ onClose }: { onClose(): void }) {
  const t = useT();
  const status = useStore((s) => s.status);
  const saveSettings = useStore((s) => s.saveSettings);
  const showNotice = useStore((s) => s.showNotice);
  const settings = status?.state === 'unlocked' ? status.settings : null;
  const [minutes, setMinutes] = useState(String(settings?.idleLockMinutes ?? IDLE_LOCK_MIN));
  const [require2fa, setRequire2fa] = useState<Role[]>(settings?.require2faRoles ?? []);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const toggleRole = (role: Role, on: boolean) =>
    setRequire2fa((old) => roles.filter((r) => (r === role ? on : old.includes(r))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const parsed = SettingsInput.safeParse({ idleLockMinutes: minutes.trim() === '' ? NaN : Number(minutes), require2faRoles: require2fa });
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
      <fieldset className="radio-group" aria-describedby="settings-2fa-hint" data-testid="settings-require-2fa">
        <legend className="field__label">{t('settings.require2fa')}</legend>
        <p id="settings-2fa-hint" className="field__hint">
          {t('settings.require2faHint')}
        </p>
        <div className="checks">
          {roles.map((r) => (
            <div className="check" key={r}>
              <input
                id={`settings-2fa-${r}`}
                type="checkbox"
                checked={require2fa.includes(r)}
                onChange={(e) => toggleRole(r, e.target.checked)}
                data-testid={`settings-2fa-${r}`}
              />
              <label htmlFor={`settings-2fa-${r}`}>{t(roleKey(r))}</label>
            </div>
          ))}
        </div>
      </fieldset>
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
