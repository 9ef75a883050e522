import { useEffect, useState } from 'react';
import { api } from '../../api';
import { Notice } from '../../components/Notice';
import { useStore } from '../../store';
import { AccountDialog } from '../account/AccountDialog';
import { BackupBanner } from '../backup/BackupBanner';
import { CustomerEditor } from '../customers/CustomerEditor';
import { CustomersView } from '../customers/CustomersView';
import { ExportDialog } from '../export/ExportDialog';
import { ImportWizard } from '../import/ImportWizard';
import { SettingsDialog } from '../settings/SettingsDialog';
import { AccessReviewBanner } from '../staff/AccessReviewBanner';
import { AppHeader } from './AppHeader';

export function MainScreen() {
  const editorKey = useStore((s) => (s.editor === null ? null : s.editor.mode === 'edit' ? `edit-${s.editor.customer.id}` : 'new'));
  const settingsOpen = useStore((s) => s.settingsOpen);
  const importOpen = useStore((s) => s.importOpen);
  const exportOpen = useStore((s) => s.exportOpen);
  const loadFields = useStore((s) => s.loadFields);
  const loadPurposes = useStore((s) => s.loadPurposes);
  const receiveJobProgress = useStore((s) => s.receiveJobProgress);
  const [accountOpen, setAccountOpen] = useState(false);

  // The catalogue decides which fields the form, import and export show; the purposes say why, by name.
  useEffect(() => {
    void loadFields();
    void loadPurposes();
  }, [loadFields, loadPurposes]);
  useEffect(() => api.on('job.progress', receiveJobProgress), [receiveJobProgress]);

  return (
    <div className="shell">
      <AppHeader onOpenAccount={() => setAccountOpen(true)} />
      <main className="workspace">
        <AccessReviewBanner />
        <BackupBanner />
        <CustomersView />
      </main>
      <Notice />
      {editorKey && <CustomerEditor key={editorKey} />}
      {settingsOpen && <SettingsDialog />}
      {importOpen && <ImportWizard />}
      {exportOpen && <ExportDialog />}
      {accountOpen && <AccountDialog onClose={() => setAccountOpen(false)} />}
    </div>
  );
}
