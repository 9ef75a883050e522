import { useEffect, useState } from 'react';
import { api } from '../../api';
import { Notice } from '../../components/Notice';
import { useStore } from '../../store';
import { AccountDialog } from '../account/AccountDialog';
import { CustomerEditor } from '../customers/CustomerEditor';
import { ExportDialog } from '../export/ExportDialog';
import { ImportWizard } from '../import/ImportWizard';
import { PrimaryNav } from '../nav/PrimaryNav';
import { visibleNavSections } from '../nav/sections';
import { AppHeader } from './AppHeader';

const NO_PERMISSIONS: readonly never[] = [];

/** The top bar, the primary navigation and the page it points at; the dialogs any page may open. */
export function MainScreen() {
  const editorKey = useStore((s) => (s.editor === null ? null : s.editor.mode === 'edit' ? `edit-${s.editor.customer.id}` : 'new'));
  const page = useStore((s) => s.page);
  const permissions = useStore((s) => (s.status?.state === 'unlocked' ? s.status.user.permissions : NO_PERMISSIONS));
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

  const sections = visibleNavSections(permissions);
  // A page the role may not use (after switching person) falls back to the first one it may.
  const current = sections.find((s) => s.id === page) ?? sections[0];
  const Page = current?.component;

  return (
    <div className="shell">
      <AppHeader onOpenAccount={() => setAccountOpen(true)} />
      <div className="shell__body">
        {current && <PrimaryNav sections={sections} active={current.id} />}
        <main className="workspace">{Page && <Page key={current.id} />}</main>
      </div>
      <Notice />
      {editorKey && <CustomerEditor key={editorKey} />}
      {importOpen && <ImportWizard />}
      {exportOpen && <ExportDialog />}
      {accountOpen && <AccountDialog onClose={() => setAccountOpen(false)} />}
    </div>
  );
}
