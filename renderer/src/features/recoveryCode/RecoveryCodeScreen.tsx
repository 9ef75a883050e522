import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import type { ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RecoveryCodeConfirm } from './RecoveryCodeConfirm';
import { RecoveryCodeShow } from './RecoveryCodeShow';

/**
 * Shown while the vault is unlocked but the recovery code was never confirmed: right after
 * creation (the code came from `vault.create`) or later (a fresh one from `vault.newRecoveryCode`).
 */
export function RecoveryCodeScreen() {
  const t = useT();
  const issue = useStore((s) => s.recoveryIssue);
  const issueRecoveryCode = useStore((s) => s.issueRecoveryCode);
  const needsCode = useStore((s) => s.status?.state === 'unlocked' && !s.status.recoveryConfirmed);
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    if (issue || !needsCode) return;
    let live = true;
    void issueRecoveryCode().then((res) => {
      if (live && !res.ok) setLoadError(res.error.code);
    });
    return () => {
      live = false;
    };
  }, [issue, needsCode, issueRecoveryCode]);

  const retry = () => {
    setLoadError(null);
    void issueRecoveryCode().then((res) => !res.ok && setLoadError(res.error.code));
  };

  return (
    <AuthLayout wide>
      {!issue ? (
        <>
          <h1 className="card__title">{t('recovery.title')}</h1>
          {loadError ? (
            <>
              <Alert>{t(errorKey(loadError))}</Alert>
              <div className="actions">
                <button type="button" className="button button--primary" onClick={retry}>
                  {t('common.retry')}
                </button>
              </div>
            </>
          ) : (
            <p className="lead">{t('recovery.loading')}</p>
          )}
        </>
      ) : step === 'show' ? (
        <RecoveryCodeShow groups={issue.groups} onWritten={() => setStep('confirm')} />
      ) : (
        <RecoveryCodeConfirm challenge={issue.challenge} onShowAgain={() => setStep('show')} />
      )}
    </AuthLayout>
  );
}
