import { useCallback } from 'react';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { EnrolmentScreen } from '../account/EnrolmentScreen';
import { RecoveryCodeScreen } from '../recoveryCode/RecoveryCodeScreen';
import { MainScreen } from './MainScreen';
import { useIdleLock } from './useIdleLock';

interface Props {
  recoveryConfirmed: boolean;
  /** From the vault's settings (`status.settings.idleLockMinutes`). */
  idleLockMinutes: number;
}

/**
 * Everything behind the password: idle auto-lock runs here, on every screen. A person who must
 * enrol in 2FA sees only the enrolment; the recovery code is the Owner's (security.manage) to confirm.
 */
export function UnlockedApp({ recoveryConfirmed, idleLockMinutes }: Props) {
  const lock = useStore((s) => s.lock);
  const enrolmentGate = useStore((s) => s.enrolmentGate);
  const canManageSecurity = usePermission('security.manage');
  const onIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleLock(idleLockMinutes, onIdle);
  if (enrolmentGate) return <EnrolmentScreen />;
  return recoveryConfirmed || !canManageSecurity ? <MainScreen /> : <RecoveryCodeScreen />;
}
