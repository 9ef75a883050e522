import { useId, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import type { ErrorCode, FieldDef } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { fieldLabel } from './fieldText';

interface Props {
  field: FieldDef;
  /** Customers holding a value in the field (`fields.usage`). */
  count: number;
  onDone(erased: boolean): void;
  onCancel(): void;
}

/** Switching off a field that holds data: erase it for real, keep it hidden, or leave the field on. */
export function FieldSwitchOff({ field, count, onDone, onCancel }: Props) {
  const t = useT();
  const updateField = useStore((s) => s.updateField);
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<'erase' | 'keep' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const label = fieldLabel(t, field);

  const switchOff = async (erase: boolean) => {
    setBusy(erase ? 'erase' : 'keep');
    setError(null);
    const res = await updateField({ key: field.key, enabled: false, purpose: field.purpose, sensitive: field.sensitive, erase });
    setBusy(null);
    if (res.ok) onDone(erase);
    else setError(res.error.code);
  };

  return (
    <Dialog
      title={t('fields.off.title', { count })}
      onClose={onCancel}
      initialFocus={cancelRef}
      role="alertdialog"
      size="medium"
      describedBy={bodyId}
      testId="field-off-dialog"
    >
      <div id={bodyId} className="dialog__body stack">
        <p>{t('fields.off.body', { count, field: label })}</p>
        <ul className="choice-list">
          <li>
            <strong>{t('fields.off.erase')}</strong> — {t('fields.off.eraseHint')}
          </li>
          <li>
            <strong>{t('fields.off.keep')}</strong> — {t('fields.off.keepHint')}
          </li>
        </ul>
      </div>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} ref={cancelRef}>
          {t('common.cancel')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button--outline" onClick={() => void switchOff(false)} disabled={busy !== null} data-testid="field-off-keep">
          {busy === 'keep' ? t('common.saving') : t('fields.off.keep')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void switchOff(true)} disabled={busy !== null} data-testid="field-off-erase">
          {busy === 'erase' ? t('delete.deleting') : t('fields.off.erase')}
        </button>
      </div>
    </Dialog>
  );
}
