import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RestoreFlow } from './RestoreFlow';

/** Restoring over the open vault, from Settings › Backups. */
export function RestoreDialog() {
  const t = useT();
  const flow = useStore((s) => (s.restore?.mode === 'vault' ? s.restore : null));
  const closeRestore = useStore((s) => s.closeRestore);
  if (!flow) return null;
  // A restore cannot be stopped half-way: Escape does nothing while it runs.
  const close = () => (flow.step === 'running' ? undefined : closeRestore());
  return (
    <Dialog title={t('restore.title')} onClose={close} size="medium" testId="restore-dialog">
      <RestoreFlow flow={flow} onCancel={closeRestore} />
    </Dialog>
  );
}
