import { useCallback } from 'react';
import { useStore } from '../../store';
import { RecoveryCodeScreen } from '../recoveryCode/RecoveryCodeScreen';
import { MainScreen } from './MainScreen';
import { useIdleLock } from './useIdleLock';

interface Props {
  ownerName: string;
  recoveryConfirmed: boolean;
  idleLockMinutes: number;
}

/** Everything behind the password: idle auto-lock runs here, on the recovery-code screen too. */
export function UnlockedApp({ ownerName, recoveryConfirmed, idleLockMinutes }: Props) {
  const lock = useStore((s) => s.lock);
  const onIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleLock(idleLockMinutes, onIdle);
  return recoveryConfirmed ? <MainScreen ownerName={ownerName} /> : <RecoveryCodeScreen />;
}
