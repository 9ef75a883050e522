import { Notice } from '../../components/Notice';
import { useStore } from '../../store';
import { CustomerEditor } from '../customers/CustomerEditor';
import { CustomersView } from '../customers/CustomersView';
import { SettingsDialog } from '../settings/SettingsDialog';
import { AppHeader } from './AppHeader';

export function MainScreen({ ownerName }: { ownerName: string }) {
  const editorKey = useStore((s) => (s.editor === null ? null : s.editor.mode === 'edit' ? `edit-${s.editor.customer.id}` : 'new'));
  const settingsOpen = useStore((s) => s.settingsOpen);
  return (
    <div className="shell">
      <AppHeader ownerName={ownerName} />
      <main className="workspace">
        <CustomersView />
      </main>
      <Notice />
      {editorKey && <CustomerEditor key={editorKey} />}
      {settingsOpen && <SettingsDialog />}
    </div>
  );
}
