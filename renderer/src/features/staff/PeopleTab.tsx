import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { UNUSED_ACCOUNT_DAYS, type StaffMember } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { AddPersonDialog } from './AddPersonDialog';
import { EditPersonDialog } from './EditPersonDialog';
import { PermissionMatrix } from './PermissionMatrix';
import { roleKey } from './staffText';
import { dayOr } from './when';

/** People: every account, who may do what, and why they have access. */
export function PeopleTab({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const access = useStore((s) => s.access);
  const staffError = useStore((s) => s.staffError);
  const loadStaff = useStore((s) => s.loadStaff);
  const showNotice = useStore((s) => s.showNotice);
  const strictMode = useStore((s) => s.status?.state === 'unlocked' && s.status.strictMode);
  const myId = useStore((s) => (s.status?.state === 'unlocked' ? s.status.user.id : null));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  const never = t('people.never');
  return (
    <div className="people" data-testid="people-tab">
      <p className="dialog__body">{t('people.intro')}</p>
      {staffError && <Alert>{t(errorKey(staffError))}</Alert>}
      {!access && !staffError && <p className="muted">{t('common.loading')}</p>}
      {access && (
        <div className="table-wrap">
          <table className="table table--compact people__table" data-testid="people-table">
            <caption className="sr-only">{t('people.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.col.name')}</th>
                <th scope="col">{t('people.col.role')}</th>
                <th scope="col">{t('people.col.status')}</th>
                <th scope="col">{t('people.col.totp')}</th>
                <th scope="col">{t('people.col.created')}</th>
                <th scope="col">{t('people.col.lastSignIn')}</th>
                <th scope="col">{t('people.col.lastReview')}</th>
                <th scope="col">{t('people.col.reason')}</th>
                <th scope="col">{t('people.col.notes')}</th>
                <th scope="col">
                  <span className="sr-only">{t('people.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {access.people.map((p) => (
                <tr key={p.id} data-testid={`person-row-${p.id}`} className={p.status === 'disabled' ? 'people__row--off' : undefined}>
                  <th scope="row">
                    {p.name}
                    {p.id === myId && <span className="muted"> {t('people.you')}</span>}
                  </th>
                  <td>{t(roleKey(p.role))}</td>
                  <td>
                    <span className={p.status === 'active' ? 'badge badge--ok' : 'badge'}>{t(p.status === 'active' ? 'people.status.active' : 'people.status.disabled')}</span>
                  </td>
                  <td>{p.totpEnabled ? t('people.totp.on') : p.totpRequired ? <span className="badge badge--sensitive">{t('people.totp.required')}</span> : t('people.totp.off')}</td>
                  <td className="nowrap">{dayOr(locale, p.createdAt, never)}</td>
                  <td className="nowrap">{dayOr(locale, p.lastSignInAt, never)}</td>
                  <td className="nowrap">{dayOr(locale, p.lastReviewedAt, never)}</td>
                  <td className="people__reason">{p.reason}</td>
                  <td>
                    <ul className="flags">
                      {p.unused && <li className="badge badge--sensitive">{t('people.flag.unused', { days: UNUSED_ACCOUNT_DAYS })}</li>}
                      {strictMode && !p.hasKeySlot && p.status === 'active' && <li className="badge badge--sensitive">{t('people.flag.noKeySlot')}</li>}
                    </ul>
                  </td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" onClick={() => setEditing(p)} aria-label={t('people.editLabel', { name: p.name })} data-testid={`person-edit-${p.id}`}>
                      {t('people.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--outline" onClick={() => setAdding(true)} disabled={!access} data-testid="person-add">
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t('people.add')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <PermissionMatrix />
      {adding && (
        <AddPersonDialog
          onCancel={() => setAdding(false)}
          onDone={(name) => {
            setAdding(false);
            showNotice('people.notice.added', { name });
          }}
        />
      )}
      {editing && (
        <EditPersonDialog
          key={editing.id}
          person={editing}
          onCancel={() => setEditing(null)}
          onDone={(key, params) => {
            setEditing(null);
            showNotice(key, params);
          }}
        />
      )}
    </div>
  );
}
