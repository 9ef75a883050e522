import { useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import type { Customer, ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** "Delete Budi Santoso?" — Cancel has the initial focus, so Enter alone never deletes. */
export function DeleteConfirm({ customer, onCancel }: { customer: Customer; onCancel(): void }) {
  const t = useT();
  const removeCustomer = useStore((s) => s.removeCustomer);
  const closeEditor = useStore((s) => s.closeEditor);
  const showNotice = useStore((s) => s.showNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const confirm = async () => {
    setBusy(true);
    const res = await removeCustomer(customer.id);
    setBusy(false);
    if (res.ok) {
      closeEditor();
      showNotice('customers.deleted', { name: customer.name });
    } else setError(res.error.code);
  };

  return (
    <Dialog
      title={t('delete.title', { name: customer.name })}
      onClose={onCancel}
      initialFocus={cancelRef}
      role="alertdialog"
      size="small"
      describedBy="delete-body"
      testId="delete-dialog"
    >
      <p id="delete-body" className="dialog__body">
        {t('delete.body')}
      </p>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onCancel} ref={cancelRef}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? t('delete.deleting') : t('delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
