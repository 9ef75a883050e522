import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { PASSPHRASE_MAX, type AppError, type ErrorCode, type FieldErrorCode } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

type Field = 'passphrase' | 'confirm';
type Errors = Partial<Record<Field, FieldErrorCode>>;

/** Client-side: both typed, and the same. Strength is judged by the main process. */
export function checkPassphrase(passphrase: string, confirm: string): Errors {
  if (passphrase === '') return { passphrase: 'required' };
  if (passphrase.length > PASSPHRASE_MAX) return { passphrase: 'too_long' };
  if (confirm === '') return { confirm: 'required' };
  if (confirm !== passphrase) return { confirm: 'mismatch' };
  return {};
}

/** The main process's answer as field errors (the policy lands on the passphrase, a mismatch on the confirmation). */
export function passphraseErrors(error: AppError): Errors | null {
  const fields = error.fields ?? {};
  const found: Errors = {};
  for (const [key, code] of Object.entries(fields)) {
    const field: Field = key.split('.').includes('confirm') || code === 'mismatch' ? 'confirm' : 'passphrase';
    found[field] ??= code;
  }
  if (!found.passphrase && error.code === 'weak_password') found.passphrase = 'too_weak';
  return Object.keys(found).length > 0 ? found : null;
}

/** too_weak, too_common, contains_personal have their own messages; too_short gets the backup's advice. */
const fieldMessage = (code: FieldErrorCode): MessageKey => (code === 'too_short' ? 'backup.setup.tooShort' : fieldErrorKey(code));

/** Why one passphrase, then the form (passphrase twice). Owner only: backup.setup needs security.manage. */
export function PassphraseSetup({ changing = false, onDone }: { changing?: boolean; onDone?(): void }) {
  const t = useT();
  const setupBackup = useStore((s) => s.setupBackup);
  const showNotice = useStore((s) => s.showNotice);
  const [values, setValues] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const show = (found: Errors) => {
    setErrors(found);
    const first = (['passphrase', 'confirm'] as const).find((f) => found[f]);
    if (first) (first === 'passphrase' ? passphraseRef : confirmRef).current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = checkPassphrase(values.passphrase, values.confirm);
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    const res = await setupBackup(values.passphrase, values.confirm);
    setBusy(false);
    if (res.ok) {
      setValues({ passphrase: '', confirm: '' });
      setErrors({});
      showNotice(changing ? 'backup.notice.passphraseChanged' : 'backup.notice.passphraseSet');
      onDone?.();
      return;
    }
    const fromServer = passphraseErrors(res.error);
    if (fromServer) show(fromServer);
    else setFormError(res.error.code);
  };

  return (
    <form className="form backup-setup" onSubmit={submit} noValidate aria-labelledby="backup-setup-title" data-testid="backup-setup-form">
      <h4 id="backup-setup-title" className="backup__subtitle">
        {changing ? t('backup.setup.changeTitle') : t('backup.setup.title')}
      </h4>
      {changing && <p className="callout callout--warn">{t('backup.setup.changeNote')}</p>}
      {formError && <Alert>{t(errorKey(formError))}</Alert>}
      <TextField
        id="backup-setup-passphrase"
        label={t('backup.setup.passphrase')}
        type="password"
        autoComplete="new-password"
        value={values.passphrase}
        onChange={change('passphrase')}
        hint={t('backup.setup.hint')}
        error={errors.passphrase && t(fieldMessage(errors.passphrase))}
        maxLength={PASSPHRASE_MAX}
        inputRef={passphraseRef}
        testId="backup-setup-passphrase"
      />
      <TextField
        id="backup-setup-confirm"
        label={t('backup.setup.confirm')}
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={change('confirm')}
        error={errors.confirm && t(fieldMessage(errors.confirm))}
        maxLength={PASSPHRASE_MAX}
        inputRef={confirmRef}
        testId="backup-setup-confirm"
      />
      <div className="actions">
        {onDone && changing && (
          <button type="button" className="button button--ghost" onClick={onDone} data-testid="backup-setup-cancel">
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="backup-setup-submit">
          {busy ? t('common.saving') : changing ? t('backup.setup.submitChange') : t('backup.setup.submit')}
        </button>
      </div>
    </form>
  );
}

/** What the backup passphrase is, in plain words (shown before it is set). */
export function PassphraseExplain() {
  const t = useT();
  return (
    <ul className="security__points backup__points" id="backup-explain" data-testid="backup-explain">
      <li>{t('backup.explain.one')}</li>
      <li>{t('backup.explain.paper')}</li>
      <li>{t('backup.explain.newPc')}</li>
      <li>{t('backup.explain.derived')}</li>
    </ul>
  );
}
