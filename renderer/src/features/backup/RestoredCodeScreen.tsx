import { useState } from 'react';
import { AuthLayout } from '../../components/AuthLayout';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RecoveryCodeConfirm } from '../recoveryCode/RecoveryCodeConfirm';
import { RecoveryCodeShow } from '../recoveryCode/RecoveryCodeShow';

/**
 * Right after a restore: the restored vault has a new key and so a new recovery code, shown once and
 * confirmed as at first run. The session has ended, so the check is made against the code shown here;
 * once confirmed the sign-in list follows (people from the backup sign in with their old passwords).
 */
export function RestoredCodeScreen() {
  const t = useT();
  const code = useStore((s) => s.restoredCode);
  const confirmRestoredCode = useStore((s) => s.confirmRestoredCode);
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  if (!code) return null;
  return (
    <AuthLayout wide>
      <div data-testid="restored-code-screen">
        <p className="callout callout--safe restored__note" data-testid="restored-from">
          {t('restore.done.note', { file: code.fileName })}
        </p>
        {step === 'show' ? (
          <RecoveryCodeShow groups={code.groups} onWritten={() => setStep('confirm')} />
        ) : (
          <RecoveryCodeConfirm challenge={code.challenge} onShowAgain={() => setStep('show')} onConfirm={confirmRestoredCode} />
        )}
      </div>
    </AuthLayout>
  );
}
