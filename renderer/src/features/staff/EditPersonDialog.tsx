import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { REASON_MAX, type ErrorCode, type StaffMember, type UpdateStaffInput } from '../../contract';
import type { MessageKey, MessageParams } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { assignableRoles, roleHintKey, roleKey, type AssignableRole } from './staffText';

type Sub = 'status' | 'password' | 'totp' | null;

/** One account: role and reason; disable/enable, new password, 2FA reset, each in its own step. */
export function EditPersonDialog({ person, onDone, onCancel }: { person: StaffMember; onDone(notice: MessageKey, params: MessageParams): void; onCancel(): void }) {
  const t = useT();
  const updateStaff = useStore((s) => s.updateStaff);
  const resetStaffTotp = useStore((s) => s.resetStaffTotp);
  const isOwner = person.role === 'owner';
  const [role, setRole] = useState(person.role);
  const [reason, setReason] = useState(person.reason);
  const [reasonError, setReasonError] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [sub, setSub] = useState<Sub>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const name = person.name;
  const disabling = person.status === 'active';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input: UpdateStaffInput = { id: person.id };
    if (role !== person.role && role !== 'owner') input.role = role;
    if (reason.trim() !== person.reason) {
      if (!reason.trim()) {
        setReasonError(true);
        reasonRef.current?.focus();
        return;
      }
      input.reason = reason.trim();
    }
    if (input.role === undefined && input.reason === undefined) return onCancel();
    setBusy(true);
    setError(null);
    const res = await updateStaff(input);
    setBusy(false);
    if (res.ok) onDone('people.notice.saved', { name });
    else setError(res.error.code);
  };

  return (
    <Dialog title={t('people.edit.title', { name })} onClose={onCancel} initialFocus={isOwner ? reasonRef : firstRef} testId="person-edit-dialog">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        {isOwner ? (
          <p className="dialog__body">{t('people.ownerFixed')}</p>
        ) : (
          <SelectField
            id="person-edit-role"
            label={t('people.role')}
            value={role}
            onChange={(r) => setRole(r as AssignableRole)}
            options={assignableRoles.map((r) => ({ value: r, label: t(roleKey(r)) }))}
            hint={t(roleHintKey(role))}
            selectRef={firstRef}
            testId="person-edit-role"
          />
        )}
        <TextField
          id="person-edit-reason"
          label={t('people.reason')}
          value={reason}
          onChange={(r) => {
            setReason(r);
            setReasonError(false);
          }}
          error={reasonError ? t(fieldErrorKey('required')) : undefined}
          hint={t('people.reasonHint')}
          maxLength={REASON_MAX}
          inputRef={reasonRef}
          testId="person-edit-reason"
        />
        <div className="person-actions" role="group" aria-label={t('people.accountActions')}>
          <button type="button" className="button button--outline button--small" onClick={() => setSub('password')} data-testid="person-reset-password">
            {t('people.resetPassword')}
          </button>
          {person.totpEnabled && (
            <button type="button" className="button button--outline button--small" onClick={() => setSub('totp')} data-testid="person-reset-totp">
              {t('people.resetTotp')}
            </button>
          )}
          {!isOwner && (
            <button type="button" className={disabling ? 'button button--danger-ghost button--small' : 'button button--outline button--small'} onClick={() => setSub('status')} data-testid="person-toggle-status">
              {disabling ? t('people.disable') : t('people.enable')}
            </button>
          )}
        </div>
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="person-edit-submit">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {sub === 'status' && (
        <ConfirmDialog
          title={t(disabling ? 'people.disable.title' : 'people.enable.title', { name })}
          body={<p>{t(disabling ? 'people.disable.body' : 'people.enable.body', { name })}</p>}
          confirmLabel={disabling ? t('people.disable') : t('people.enable')}
          busyLabel={t('common.saving')}
          onConfirm={() => updateStaff({ id: person.id, status: disabling ? 'disabled' : 'active' })}
          onDone={() => onDone(disabling ? 'people.notice.disabled' : 'people.notice.enabled', { name })}
          onCancel={() => setSub(null)}
          testId="person-status-dialog"
        />
      )}
      {sub === 'totp' && (
        <ConfirmDialog
          title={t('people.resetTotp.title', { name })}
          body={<p>{t('people.resetTotp.body', { name })}</p>}
          confirmLabel={t('people.resetTotp')}
          busyLabel={t('common.saving')}
          onConfirm={() => resetStaffTotp(person.id)}
          onDone={() => onDone('people.notice.totpReset', { name })}
          onCancel={() => setSub(null)}
          testId="person-totp-dialog"
        />
      )}
      {sub === 'password' && <ResetPasswordDialog person={person} onCancel={() => setSub(null)} onDone={() => onDone('people.notice.passwordReset', { name })} />}
    </Dialog>
  );
}
