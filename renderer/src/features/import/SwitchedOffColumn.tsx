import { useState } from 'react';
import type { FieldDef } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { activePurposes, useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { fieldLabel } from '../fields/fieldText';

const NEW = '__new__';

/**
 * Under a column whose title names a switched-off field ("Alamat" while the address is off): says
 * so, instead of a silent "Ignore". The Owner may switch the field on right here for a purpose — one
 * of the shop's, or new words (the vault refuses a field without one) — or leave the column out
 * on purpose, which the import records. Others see why it is not imported.
 */
export function SwitchedOffColumn({ column, field }: { column: number; field: FieldDef }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const leftOut = useStore((s) => s.importer.leftOut.includes(column));
  const setLeftOut = useStore((s) => s.setLeftOut);
  const switchOn = useStore((s) => s.switchOnForColumn);
  const canManage = usePermission('settings.manage');
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const name = fieldLabel(t, field);
  const id = `import-off-${column}`;
  const active = activePurposes(purposes);

  if (leftOut) {
    return (
      <div className="mapping__off" data-testid={`${id}`}>
        <p className="field__hint" data-testid={`${id}-left-out`}>
          {t('import.map.leftOut')}
        </p>
        <div className="mapping__off-actions">
          <button type="button" className="button button--ghost button--small" onClick={() => setLeftOut(column, false)}>
            {t('import.map.undoLeaveOut')}
          </button>
        </div>
      </div>
    );
  }

  const confirm = async () => {
    const purpose = choice === NEW ? { text } : { purposeKey: choice };
    if (choice === '' || (choice === NEW && text.trim() === '')) {
      setError('import.map.purposeRequired');
      document.getElementById(choice === NEW ? `${id}-text` : `${id}-purpose-0`)?.focus();
      return;
    }
    setBusy(true);
    const res = await switchOn(column, field, purpose);
    setBusy(false);
    if (!res.ok) {
      const code = res.error.fields?.purpose ?? res.error.fields?.purposes;
      setError(code ? fieldErrorKey(code) : 'import.map.purposeRequired');
    } else document.getElementById(`import-map-${column}`)?.focus();
  };

  return (
    <div className="mapping__off" data-testid={id}>
      <p className="field__hint" id={`${id}-why`}>
        {t('import.map.switchedOff', { field: name })} {!canManage && t('import.map.ownerOnly')}
      </p>
      {!open && (
        <div className="mapping__off-actions">
          {canManage && (
            <button type="button" className="button button--outline button--small" onClick={() => setOpen(true)} aria-describedby={`${id}-why`} data-testid={`${id}-switch`}>
              {t('import.map.switchOn', { field: name })}
            </button>
          )}
          <button type="button" className="button button--ghost button--small" onClick={() => setLeftOut(column, true)} aria-describedby={`${id}-why`} data-testid={`${id}-leave`}>
            {t('import.map.leaveOut')}
          </button>
        </div>
      )}
      {open && (
        <fieldset className="fieldset-plain mapping__switch" data-testid={`${id}-form`} aria-describedby={error ? `${id}-error` : undefined}>
          <legend className="field__label">{t('import.map.switchTitle', { field: name })}</legend>
          <p className="field__hint">{t('import.map.switchBody', { field: name })}</p>
          {[...active.map((p) => ({ value: p.key, label: p.name[locale] })), { value: NEW, label: t('import.map.newPurpose') }].map((o, i) => (
            <div className="check" key={o.value}>
              <input
                type="radio"
                id={`${id}-purpose-${i}`}
                name={`${id}-purpose`}
                value={o.value}
                checked={choice === o.value}
                onChange={() => {
                  setChoice(o.value);
                  setError(null);
                }}
              />
              <label htmlFor={`${id}-purpose-${i}`}>{o.label}</label>
            </div>
          ))}
          {choice === NEW && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-text`}>
                {t('import.map.newPurposeLabel')}
              </label>
              <input
                id={`${id}-text`}
                className="input"
                value={text}
                maxLength={300}
                onChange={(e) => setText(e.target.value)}
                aria-describedby={`${id}-text-hint`}
                aria-invalid={error ? true : undefined}
                data-testid={`${id}-text`}
              />
              <p className="field__hint" id={`${id}-text-hint`}>
                {t('import.map.newPurposeHint')}
              </p>
            </div>
          )}
          {error && (
            <p className="field__error" id={`${id}-error`} role="alert">
              {t(error)}
            </p>
          )}
          <div className="mapping__off-actions">
            <button type="button" className="button button--primary button--small" onClick={() => void confirm()} disabled={busy} data-testid={`${id}-confirm`}>
              {t('import.map.switchConfirm')}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
