import { useEffect, useMemo, useState } from 'react';
import { Alert } from '../../components/Alert';
import type { ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { AuditFilters, type PersonOption } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { verificationText } from './auditText';

/** The audit trail: who did what, when, and how it ended; verify the chain; export as CSV. */
export function AuditTrail({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const entries = useStore((s) => s.auditEntries);
  const more = useStore((s) => s.auditMore);
  const loading = useStore((s) => s.auditLoading);
  const auditError = useStore((s) => s.auditError);
  const verification = useStore((s) => s.auditVerification);
  const loadAudit = useStore((s) => s.loadAudit);
  const loadMoreAudit = useStore((s) => s.loadMoreAudit);
  const verifyAudit = useStore((s) => s.verifyAudit);
  const exportAudit = useStore((s) => s.exportAudit);
  const showNotice = useStore((s) => s.showNotice);
  const access = useStore((s) => s.access);
  const loadStaff = useStore((s) => s.loadStaff);
  const canListStaff = useStore((s) => s.status?.state === 'unlocked' && s.status.user.permissions.includes('staff.manage'));
  const [busy, setBusy] = useState<'verify' | 'export' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    void loadAudit({});
  }, [loadAudit]);
  useEffect(() => {
    if (canListStaff) void loadStaff();
  }, [canListStaff, loadStaff]);

  // Managers may read the trail without seeing the staff list: offer the people the trail names.
  const people = useMemo<PersonOption[]>(() => {
    if (access) return access.people.map(({ id, name }) => ({ id, name }));
    const seen = new Map<number, string>();
    for (const e of entries ?? []) if (e.actorId !== null && !seen.has(e.actorId)) seen.set(e.actorId, e.actorName);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [access, entries]);

  const verify = async () => {
    setBusy('verify');
    setError(null);
    const res = await verifyAudit();
    setBusy(null);
    if (!res.ok) setError(res.error.code);
  };
  const doExport = async () => {
    setBusy('export');
    setError(null);
    const res = await exportAudit();
    setBusy(null);
    if (!res.ok) setError(res.error.code);
    else if (res.value) showNotice('audit.notice.exported', { rows: res.value.rows, file: res.value.fileName });
  };

  return (
    <div className="audit" data-testid="audit-tab">
      <p className="dialog__body">{t('audit.intro')}</p>
      <AuditFilters people={people} onApply={(filter) => void loadAudit(filter)} />
      <div className="audit__tools">
        <button type="button" className="button button--outline" onClick={() => void verify()} disabled={busy !== null} data-testid="audit-verify">
          {busy === 'verify' ? t('audit.verifying') : t('audit.verify')}
        </button>
        <button type="button" className="button button--outline" onClick={() => void doExport()} disabled={busy !== null} aria-describedby="audit-export-note" data-testid="audit-export">
          {t('audit.export')}
        </button>
        <p id="audit-export-note" className="field__hint audit__note">
          {t('audit.exportNote')}
        </p>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-verify-result">
        {verification && (
          <div className={verification.ok ? 'callout callout--safe' : 'callout callout--danger'} data-outcome={verification.ok ? 'ok' : 'broken'}>
            <strong>{t(verification.ok ? 'audit.verify.okTitle' : 'audit.verify.brokenTitle')}</strong> {verificationText(t, locale, verification)}
            {!verification.ok && <p>{t('audit.verify.brokenHelp')}</p>}
          </div>
        )}
      </div>
      {(error ?? auditError) && <Alert>{t(errorKey((error ?? auditError)!))}</Alert>}
      {entries === null && !auditError && <p className="muted">{t('common.loading')}</p>}
      {entries && entries.length === 0 && <p className="muted" data-testid="audit-empty">{t('audit.empty')}</p>}
      {entries && entries.length > 0 && <AuditTable entries={entries} />}
      <div className="dialog__actions">
        {more && (
          <button type="button" className="button button--outline" onClick={() => void loadMoreAudit()} disabled={loading} data-testid="audit-load-more">
            {loading ? t('common.loading') : t('audit.loadMore')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
