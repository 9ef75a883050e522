import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import { OWNER_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type ErrorCode } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RestoreOffer } from '../backup/FirstRunRestore';
import { DemoOffer } from '../demo/DemoOffer';
import { validateFirstRun, type FirstRunErrors, type FirstRunValues } from './validateFirstRun';

const FIELD_IDS = { ownerName: 'firstrun-owner', password: 'firstrun-password', confirm: 'firstrun-confirm' } as const;

/** A new vault: the Owner's name and password. Or, on a new PC, a restore from a backup. */
export function FirstRunScreen() {
  const t = useT();
  const createVault = useStore((s) => s.createVault);
  const [values, setValues] = useState<FirstRunValues>({ ownerName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FirstRunErrors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof FirstRunValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = validateFirstRun(values);
    setErrors(found);
    const firstInvalid = (Object.keys(FIELD_IDS) as (keyof FirstRunValues)[]).find((f) => found[f]);
    if (firstInvalid) {
      document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    const res = await createVault({ ownerName: values.ownerName.trim(), password: values.password });
    setBusy(false);
    if (!res.ok) {
      setFormError(res.error.code);
      if (res.error.fields) setErrors({ ownerName: res.error.fields.ownerName, password: res.error.fields.password });
    }
  };

  const remaining = PASSWORD_MIN - values.password.length;
  const passwordHint =
    remaining > 0 ? t('firstRun.passwordHint.short', { min: PASSWORD_MIN, remaining }) : t('firstRun.passwordHint.ok');
  const passwordError =
    errors.password === 'too_short' ? t('firstRun.passwordTooShort', { min: PASSWORD_MIN }) : errors.password && t(fieldErrorKey(errors.password));

  return (
    <AuthLayout wide>
      <div className="split">
        <section className="split__intro" aria-labelledby="firstrun-title">
          <h1 id="firstrun-title" className="card__title">
            {t('firstRun.title')}
          </h1>
          <p className="lead">{t('firstRun.intro')}</p>
          <ul className="checklist">
            <li>{t('firstRun.point.encrypted')}</li>
            <li>{t('firstRun.point.password')}</li>
            <li>{t('firstRun.point.recovery')}</li>
          </ul>
          <DemoOffer />
        </section>
        <form className="form split__form" onSubmit={submit} noValidate aria-labelledby="firstrun-title">
          {formError && formError !== 'invalid_input' && <Alert>{t(errorKey(formError))}</Alert>}
          <TextField id={FIELD_IDS.ownerName} label={t('firstRun.ownerName')} value={values.ownerName} onChange={set('ownerName')}
            error={errors.ownerName && t(fieldErrorKey(errors.ownerName))} autoComplete="name" autoFocus maxLength={OWNER_NAME_MAX} />
          <TextField id={FIELD_IDS.password} label={t('firstRun.password')} type="password" value={values.password}
            onChange={set('password')} error={passwordError} hint={passwordHint} autoComplete="new-password" maxLength={PASSWORD_MAX} />
          <TextField id={FIELD_IDS.confirm} label={t('firstRun.confirmPassword')} type="password" value={values.confirm}
            onChange={set('confirm')} error={errors.confirm && t(fieldErrorKey(errors.confirm))} autoComplete="new-password" maxLength={PASSWORD_MAX} />
          <div className="actions">
            <button type="submit" className="button button--primary button--block" disabled={busy}>
              {busy ? t('firstRun.submitting') : t('firstRun.submit')}
            </button>
          </div>
          <RestoreOffer mode="firstRun" />
        </form>
      </div>
    </AuthLayout>
  );
}
