import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { BACKUP_KEEP_MAX, type BackupSchedule as Schedule, type BackupStatus, type ErrorCode } from '../../contract';
import type { MessageKey, MessageParams } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

type NumberField = 'keepDaily' | 'keepWeekly' | 'warnAfterDays';
const LIMITS: Record<NumberField, [number, number]> = { keepDaily: [1, BACKUP_KEEP_MAX], keepWeekly: [0, BACKUP_KEEP_MAX], warnAfterDays: [1, 90] };
const IDS: Record<NumberField, string> = { keepDaily: 'backup-schedule-keep-daily', keepWeekly: 'backup-schedule-keep-weekly', warnAfterDays: 'backup-schedule-warn-days' };
type Message = { key: MessageKey; params?: MessageParams };
type Errors = Partial<Record<NumberField | 'folder', Message>>;

/** Whole numbers within the contract's limits; the folder is needed once anything is scheduled. */
export function checkSchedule(values: Record<NumberField, string>, daily: boolean, onClose: boolean, folder: string | null): { errors: Errors; schedule: Schedule | null } {
  const errors: Errors = {};
  const numbers = {} as Record<NumberField, number>;
  for (const field of Object.keys(LIMITS) as NumberField[]) {
    const [min, max] = LIMITS[field];
    const text = values[field].trim();
    const n = Number(text);
    if (text === '') errors[field] = { key: 'field.required' };
    else if (!/^\d+$/.test(text)) errors[field] = { key: 'field.invalid_number' };
    else if (n < min || n > max) errors[field] = { key: 'backup.schedule.range', params: { min, max } };
    else numbers[field] = n;
  }
  if ((daily || onClose) && !folder) errors.folder = { key: 'backup.schedule.folderNeeded' };
  return { errors, schedule: Object.keys(errors).length > 0 ? null : { daily, onClose, ...numbers } };
}

/** Daily and/or on close, to a folder picked with the system dialog; rotation; when to warn. */
export function BackupSchedule({ status }: { status: BackupStatus }) {
  const t = useT();
  const saveBackupSchedule = useStore((s) => s.saveBackupSchedule);
  const pickBackupFolder = useStore((s) => s.pickBackupFolder);
  const showNotice = useStore((s) => s.showNotice);
  const initial = status.schedule;
  const [daily, setDaily] = useState(initial.daily);
  const [onClose, setOnClose] = useState(initial.onClose);
  const [values, setValues] = useState<Record<NumberField, string>>({
    keepDaily: String(initial.keepDaily),
    keepWeekly: String(initial.keepWeekly),
    warnAfterDays: String(initial.warnAfterDays),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const folder = status.schedule.folder;

  const change = (field: NumberField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const pick = async () => {
    setPicking(true);
    setFormError(null);
    const res = await pickBackupFolder();
    setPicking(false);
    if (!res.ok) setFormError(res.error.code);
    else if (res.value) setErrors((e) => ({ ...e, folder: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const checked = checkSchedule(values, daily, onClose, folder);
    setErrors(checked.errors);
    if (!checked.schedule) {
      const first = (['folder', 'keepDaily', 'keepWeekly', 'warnAfterDays'] as const).find((f) => checked.errors[f]);
      document.getElementById(first === 'folder' ? 'backup-schedule-pick-folder' : IDS[first ?? 'keepDaily'])?.focus();
      return;
    }
    setBusy(true);
    const res = await saveBackupSchedule(checked.schedule);
    setBusy(false);
    if (res.ok) showNotice('backup.notice.scheduleSaved');
    else if (res.error.code === 'invalid_input' && res.error.fields) {
      const fromServer: Errors = {};
      for (const [key, code] of Object.entries(res.error.fields)) {
        if (key in LIMITS) fromServer[key as NumberField] = { key: `field.${code}` };
      }
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFormError(res.error.code);
    } else setFormError(res.error.code);
  };

  const numberField = (field: NumberField, label: MessageKey, hint: MessageKey) => {
    const error = errors[field];
    return (
      <TextField
        id={IDS[field]}
        label={t(label)}
        type="number"
        inputMode="numeric"
        min={LIMITS[field][0]}
        max={LIMITS[field][1]}
        value={values[field]}
        onChange={change(field)}
        hint={t(hint)}
        error={error && t(error.key, error.params)}
        testId={IDS[field]}
      />
    );
  };

  return (
    <section className="backup__section" aria-labelledby="backup-schedule-title">
      <h3 id="backup-schedule-title" className="section-title">
        {t('backup.schedule.title')}
      </h3>
      <form className="form backup-schedule" onSubmit={submit} noValidate aria-labelledby="backup-schedule-title">
        {formError && <Alert>{t(errorKey(formError))}</Alert>}
        <fieldset className="radio-group" data-testid="backup-schedule-when">
          <legend className="field__label">{t('backup.schedule.when')}</legend>
          <div className="check">
            <input id="backup-schedule-daily" type="checkbox" checked={daily} onChange={(e) => setDaily(e.target.checked)} data-testid="backup-schedule-daily" />
            <label htmlFor="backup-schedule-daily">{t('backup.schedule.daily')}</label>
          </div>
          <div className="check">
            <input id="backup-schedule-onclose" type="checkbox" checked={onClose} onChange={(e) => setOnClose(e.target.checked)} data-testid="backup-schedule-onclose" />
            <label htmlFor="backup-schedule-onclose">{t('backup.schedule.onClose')}</label>
          </div>
        </fieldset>
        <div className={errors.folder ? 'field field--invalid' : 'field'}>
          <span className="field__label" id="backup-schedule-folder-label">
            {t('backup.schedule.folder')}
          </span>
          <div className="backup-folder">
            <output className="backup-folder__path" aria-labelledby="backup-schedule-folder-label" data-testid="backup-schedule-folder">
              {folder ?? t('backup.schedule.noFolder')}
            </output>
            <button
              type="button"
              id="backup-schedule-pick-folder"
              className="button button--outline"
              onClick={() => void pick()}
              disabled={picking}
              aria-describedby={errors.folder ? 'backup-schedule-folder-error' : 'backup-schedule-folder-hint'}
              data-testid="backup-schedule-pick-folder"
            >
              {picking ? t('backup.schedule.picking') : t('backup.schedule.pickFolder')}
            </button>
          </div>
          {errors.folder ? (
            <p id="backup-schedule-folder-error" className="field__error">
              {t(errors.folder.key, errors.folder.params)}
            </p>
          ) : (
            <p id="backup-schedule-folder-hint" className="field__hint">
              {t('backup.schedule.folderHint')}
            </p>
          )}
        </div>
        <div className="backup-schedule__numbers">
          {numberField('keepDaily', 'backup.schedule.keepDaily', 'backup.schedule.keepDailyHint')}
          {numberField('keepWeekly', 'backup.schedule.keepWeekly', 'backup.schedule.keepWeeklyHint')}
          {numberField('warnAfterDays', 'backup.schedule.warnAfter', 'backup.schedule.warnAfterHint')}
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="backup-schedule-save">
            {busy ? t('common.saving') : t('backup.schedule.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
