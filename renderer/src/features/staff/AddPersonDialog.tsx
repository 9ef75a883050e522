import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { PASSWORD_MIN, REASON_MAX, STAFF_NAME_MAX, type ErrorCode, type FieldErrorCode } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { checkNewPassword } from './passwordCheck';
import { assignableRoles, roleHintKey, roleKey, staffFieldErrors, type AssignableRole } from './staffText';

const FIELDS = ['name', 'role', 'reason', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, FieldErrorCode | 'name_taken'>>;

/** A new account: name, role, why they need access, and a first password they change later. */
export function AddPersonDialog({ onDone, onCancel }: { onDone(name: string): void; onCancel(): void }) {
  const t = useT();
  const createStaff = useStore((s) => s.createStaff);
  const [v, setV] = useState({ name: '', role: 'staff' as AssignableRole, reason: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const change = (patch: Partial<typeof v>) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) document.getElementById(`person-${first}`)?.focus();
    return first !== undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: Errors = { ...checkNewPassword(v.password, v.confirm) };
    if (!v.name.trim()) found.name = 'required';
    if (!v.reason.trim()) found.reason = 'required';
    if (show(found)) return;
    setBusy(true);
    setError(null);
    const res = await createStaff({ name: v.name.trim(), role: v.role, reason: v.reason.trim(), password: v.password });
    setBusy(false);
    if (res.ok) return onDone(res.value.name);
    const { fields, general } = staffFieldErrors(res.error, FIELDS);
    show(fields);
    setError(general);
  };

  const err = (k: Field) => {
    const code = errors[k];
    if (!code) return undefined;
    if (code === 'name_taken') return t(errorKey('name_taken'));
    if (k === 'password' && code === 'too_short') return t('people.passwordTooShort', { min: PASSWORD_MIN });
    return t(fieldErrorKey(code));
  };
  return (
    <Dialog title={t('people.add.title')} onClose={onCancel} initialFocus={nameRef} testId="person-add-dialog">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        <TextField id="person-name" label={t('people.name')} value={v.name} onChange={(name) => change({ name })} error={err('name')} required requiredLabel={t('common.required')} maxLength={STAFF_NAME_MAX} inputRef={nameRef} testId="person-name" />
        <SelectField
          id="person-role"
          label={t('people.role')}
          value={v.role}
          onChange={(role) => change({ role: role as AssignableRole })}
          options={assignableRoles.map((r) => ({ value: r, label: t(roleKey(r)) }))}
          hint={t(roleHintKey(v.role))}
          testId="person-role"
        />
        <TextField id="person-reason" label={t('people.reason')} value={v.reason} onChange={(reason) => change({ reason })} error={err('reason')} hint={t('people.reasonHint')} required requiredLabel={t('common.required')} maxLength={REASON_MAX} testId="person-reason" />
        <TextField id="person-password" label={t('people.password')} type="password" autoComplete="new-password" value={v.password} onChange={(password) => change({ password })} error={err('password')} hint={t('people.passwordHint', { min: PASSWORD_MIN })} required requiredLabel={t('common.required')} testId="person-password" />
        <TextField id="person-confirm" label={t('people.passwordConfirm')} type="password" autoComplete="new-password" value={v.confirm} onChange={(confirm) => change({ confirm })} error={err('confirm')} required requiredLabel={t('common.required')} testId="person-confirm" />
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="person-add-submit">
            {busy ? t('common.saving') : t('people.add.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
