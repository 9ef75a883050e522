import { useId, useRef, useState, type ReactNode } from 'react';
import type { AppError, ErrorCode, Result } from '../contract';
import { errorKey, useT } from '../i18n/useT';
import { Alert } from './Alert';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  onConfirm(): Promise<Result<unknown> | { ok: false; error: AppError }>;
  /** After a successful confirm. */
  onDone(): void;
  onCancel(): void;
  testId?: string;
  confirmTestId?: string;
}

/** "Really?" with a dangerous action. Cancel has the initial focus, so Enter alone never destroys. */
export function ConfirmDialog({ title, body, confirmLabel, busyLabel, onConfirm, onDone, onCancel, testId, confirmTestId }: Props) {
  const t = useT();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const confirm = async () => {
    setBusy(true);
    const res = await onConfirm();
    setBusy(false);
    if (res.ok) onDone();
    else setError(res.error.code);
  };

  return (
    <Dialog title={title} onClose={onCancel} initialFocus={cancelRef} role="alertdialog" size="small" describedBy={bodyId} testId={testId}>
      <div id={bodyId} className="dialog__body">
        {body}
      </div>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onCancel} ref={cancelRef}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={busy} data-testid={confirmTestId}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
