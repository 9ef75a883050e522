import { useEffect } from 'react';
import { api } from './api';
import { LoadingScreen } from './features/startup/LoadingScreen';
import { UnavailableScreen } from './features/startup/UnavailableScreen';
import { FirstRunRestore } from './features/backup/FirstRunRestore';
import { RestoredCodeScreen } from './features/backup/RestoredCodeScreen';
import { DemoBanner } from './features/demo/DemoBanner';
import { FirstRunScreen } from './features/firstRun/FirstRunScreen';
import { RecoverScreen } from './features/recover/RecoverScreen';
import { SignInScreen } from './features/signIn/SignInScreen';
import { UnlockedApp } from './features/main/UnlockedApp';
import { beforeSignIn, useStore } from './store';

/**
 * Asks where the vault stands, listens for locks the main process makes, and routes on `state`.
 * While the demo vault is served, every screen sits under the DEMO banner.
 */
export function App() {
  const demo = useStore((s) => s.demo?.active === true);
  const loadDemo = useStore((s) => s.loadDemo);
  useEffect(() => {
    void loadDemo();
  }, [loadDemo]);
  const screen = <Screen />;
  if (!demo) return screen;
  return (
    <div className="demo-frame">
      <DemoBanner />
      <div className="demo-frame__body">{screen}</div>
    </div>
  );
}

function Screen() {
  const status = useStore((s) => s.status);
  const loadStatus = useStore((s) => s.loadStatus);
  const receivePushedStatus = useStore((s) => s.receivePushedStatus);
  const restoredCode = useStore((s) => s.restoredCode !== null);
  const restoringBeforeSignIn = useStore((s) => s.restore !== null && beforeSignIn(s.restore.mode));

  useEffect(() => {
    void loadStatus();
    return api.on('vault.status', receivePushedStatus);
  }, [loadStatus, receivePushedStatus]);

  // Right after a restore the session has ended: the new recovery code comes before the sign-in list.
  if (restoredCode) return <RestoredCodeScreen />;
  if (!status) return <LoadingScreen />;
  // A restore before anyone can sign in (new PC, or a vault here that cannot be opened) takes the whole screen.
  if (restoringBeforeSignIn && status.state !== 'locked' && status.state !== 'unlocked') return <FirstRunRestore />;
  switch (status.state) {
    case 'no_vault':
      return <FirstRunScreen />;
    case 'locked':
      return <SignInScreen ownerName={status.ownerName} people={status.people} strict={status.strict} />;
    case 'needs_recovery':
      return <RecoverScreen reason={status.reason} recoveryAvailable={status.recoveryAvailable} />;
    case 'unavailable':
      return <UnavailableScreen reason={status.reason} />;
    case 'unlocked':
      return <UnlockedApp recoveryConfirmed={status.recoveryConfirmed} idleLockMinutes={status.settings.idleLockMinutes} />;
  }
}
