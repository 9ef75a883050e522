import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { REASON_MAX, UNUSED_ACCOUNT_DAYS, type AccessOverview, type AccessReviewInput, type ErrorCode, type StaffMember } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { assignableRoles, roleKey, type AssignableRole } from './staffText';
import { dayOr } from './when';

interface Row {
  decision: 'confirm' | 'disable';
  role: StaffMember['role'];
  reason: string;
}

/** The accounts the review goes through: every active one (the Owner's can only be confirmed). */
const reviewed = (access: AccessOverview) => access.people.filter((p) => p.status === 'active');

/** The Owner's periodic look at who has access: keep (with a reason, maybe another role) or disable each account. */
export function AccessReview({ onClose }: { onClose(): void }) {
  const t = useT();
  const access = useStore((s) => s.access);
  const staffError = useStore((s) => s.staffError);
  const loadStaff = useStore((s) => s.loadStaff);

  useEffect(() => {
    void loadStaff();
  }, [loadStaff]);

  return (
    <div className="review" data-testid="review-tab">
      {staffError && <Alert>{t(errorKey(staffError))}</Alert>}
      {!access && !staffError && <p className="muted">{t('common.loading')}</p>}
      {/* Keyed by the last review: a submitted review starts over from the fresh overview. */}
      {access && <ReviewForm key={access.lastReviewAt ?? 0} access={access} onClose={onClose} />}
    </div>
  );
}

function ReviewForm({ access, onClose }: { access: AccessOverview; onClose(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const submitReview = useStore((s) => s.submitReview);
  const showNotice = useStore((s) => s.showNotice);
  const people = reviewed(access);
  const [rows, setRows] = useState<Record<number, Row>>(() =>
    Object.fromEntries(people.map((p) => [p.id, { decision: 'confirm', role: p.role, reason: p.reason }])),
  );
  const [missing, setMissing] = useState<number[]>([]);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const never = t('people.never');

  const change = (id: number, patch: Partial<Row>) => {
    setRows((old) => ({ ...old, [id]: { ...old[id]!, ...patch } }));
    if (patch.reason !== undefined) setMissing((m) => m.filter((x) => x !== id));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const empty = people.filter((p) => !rows[p.id]?.reason.trim()).map((p) => p.id);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`review-reason-${empty[0]}`)?.focus();
      return;
    }
    const decisions: AccessReviewInput['decisions'] = people.map((p) => {
      const row = rows[p.id]!;
      const changedRole = row.decision === 'confirm' && row.role !== p.role && row.role !== 'owner' ? { role: row.role } : {};
      return { id: p.id, decision: row.decision, reason: row.reason.trim(), ...changedRole };
    });
    setBusy(true);
    setError(null);
    const res = await submitReview({ decisions });
    setBusy(false);
    if (res.ok) showNotice('review.notice.done', { count: decisions.length });
    else setError(res.error.code);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {access.reviewDue ? (
        <div className="callout callout--warn" data-testid="review-due">
          {t('review.due')}
        </div>
      ) : (
        <p className="callout callout--safe">{t('review.notDue')}</p>
      )}
      <p className="dialog__body">{t('review.intro')}</p>
      <dl className="review__dates">
        <div>
          <dt>{t('review.last')}</dt>
          <dd data-testid="review-last">{dayOr(locale, access.lastReviewAt, t('review.never'))}</dd>
        </div>
        <div>
          <dt>{t('review.next')}</dt>
          <dd data-testid="review-next">{dayOr(locale, access.nextReviewAt, never)}</dd>
        </div>
      </dl>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <ul className="review__list">
        {people.map((p) => {
          const row = rows[p.id]!;
          const owner = p.role === 'owner';
          return (
            <li key={p.id} className="review__item" data-testid={`review-row-${p.id}`}>
              <fieldset className="review__fieldset">
                <legend className="review__who">
                  <strong>{p.name}</strong> · {t(roleKey(p.role))}
                </legend>
                <p className="review__facts">
                  {t('review.lastSignIn', { date: dayOr(locale, p.lastSignInAt, never) })}
                  {p.unused && (
                    <>
                      {' '}
                      <span className="badge badge--sensitive">{t('people.flag.unused', { days: UNUSED_ACCOUNT_DAYS })}</span>
                    </>
                  )}
                </p>
                <div className="review__controls">
                  <fieldset className="radio-group review__decision">
                    <legend className="sr-only">{t('review.decision', { name: p.name })}</legend>
                    <div className="check">
                      <input type="radio" id={`review-keep-${p.id}`} name={`review-decision-${p.id}`} checked={row.decision === 'confirm'} onChange={() => change(p.id, { decision: 'confirm' })} data-testid={`review-keep-${p.id}`} />
                      <label htmlFor={`review-keep-${p.id}`}>{t('review.keep')}</label>
                    </div>
                    {!owner && (
                      <div className="check">
                        <input type="radio" id={`review-disable-${p.id}`} name={`review-decision-${p.id}`} checked={row.decision === 'disable'} onChange={() => change(p.id, { decision: 'disable' })} data-testid={`review-disable-${p.id}`} />
                        <label htmlFor={`review-disable-${p.id}`}>{t('review.disable')}</label>
                      </div>
                    )}
                  </fieldset>
                  {!owner && row.decision === 'confirm' && (
                    <div className="field review__role">
                      <label className="field__label" htmlFor={`review-role-${p.id}`}>
                        {t('review.role', { name: p.name })}
                      </label>
                      <select id={`review-role-${p.id}`} className="input select input--compact" value={row.role} onChange={(e) => change(p.id, { role: e.target.value as AssignableRole })} data-testid={`review-role-${p.id}`}>
                        {assignableRoles.map((r) => (
                          <option key={r} value={r}>
                            {t(roleKey(r))}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                </div>
                <div className={missing.includes(p.id) ? 'field field--invalid' : 'field'}>
                  <label className="field__label" htmlFor={`review-reason-${p.id}`}>
                    {t(row.decision === 'disable' ? 'review.reasonDisable' : 'review.reason', { name: p.name })}
                  </label>
                  <input
                    id={`review-reason-${p.id}`}
                    className="input input--compact"
                    value={row.reason}
                    maxLength={REASON_MAX}
                    autoComplete="off"
                    onChange={(e) => change(p.id, { reason: e.target.value })}
                    aria-invalid={missing.includes(p.id) || undefined}
                    aria-describedby={missing.includes(p.id) ? `review-reason-${p.id}-error` : undefined}
                    data-testid={`review-reason-${p.id}`}
                  />
                  {missing.includes(p.id) && (
                    <p id={`review-reason-${p.id}-error`} className="field__error">
                      {t(fieldErrorKey('required'))}
                    </p>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || people.length === 0} data-testid="review-submit">
          {busy ? t('common.saving') : t('review.submit', { count: people.length })}
        </button>
      </div>
    </form>
  );
}
