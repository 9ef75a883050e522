import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Switch } from '../../components/Switch';
import { CUSTOM_FIELDS_MAX, type ErrorCode, type FieldDef } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { FieldEditor, type FieldEditorMode } from './FieldEditor';
import { FieldRow } from './FieldRow';
import { FieldSwitchOff } from './FieldSwitchOff';
import { fieldLabel } from './fieldText';

/**
 * "Data collected" (Privacy › Purposes & consent, beside the purposes): each field switched on one
 * by one, each serving the purposes customers are told.
 * Switching on a field that serves none opens the editor to choose or write one.
 * Switching off a field that holds data first asks whether to erase it.
 */
export function FieldCatalogue() {
  const t = useT();
  const fields = useStore((s) => s.fields);
  const fieldsError = useStore((s) => s.fieldsError);
  const loadFields = useStore((s) => s.loadFields);
  const loadPurposes = useStore((s) => s.loadPurposes);
  const updateField = useStore((s) => s.updateField);
  const fieldUsage = useStore((s) => s.fieldUsage);
  const showNotice = useStore((s) => s.showNotice);
  const [editor, setEditor] = useState<FieldEditorMode | null>(null);
  const [switchingOff, setSwitchingOff] = useState<{ field: FieldDef; count: number } | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    void loadFields();
    void loadPurposes();
  }, [loadFields, loadPurposes]);

  const toggle = async (field: FieldDef, on: boolean) => {
    setError(null);
    if (on && field.purposes.length === 0) {
      setEditor({ mode: 'enable', field });
      return;
    }
    setBusyKey(field.key);
    let res;
    // Back on, a field serves the purposes it kept while off.
    if (on) res = await updateField({ key: field.key, enabled: true, purpose: '', sensitive: field.sensitive });
    else {
      const usage = await fieldUsage(field.key);
      if (usage.ok && usage.value.count > 0) {
        setBusyKey(null);
        setSwitchingOff({ field, count: usage.value.count });
        return;
      }
      res = usage.ok ? await updateField({ key: field.key, enabled: false, purpose: field.purpose, sensitive: field.sensitive }) : usage;
    }
    setBusyKey(null);
    if (res.ok) showNotice(on ? 'fields.notice.on' : 'fields.notice.off', { field: fieldLabel(t, field) });
    else setError(res.error.code);
  };

  const customCount = fields?.filter((f) => !f.builtin).length ?? 0;
  return (
    <div className="catalogue" data-testid="field-catalogue">
      <p className="dialog__body">{t('fields.intro')}</p>
      {(error ?? fieldsError) && <Alert>{t(errorKey((error ?? fieldsError)!))}</Alert>}
      {fields && (
        <ul className="catalogue__list" aria-labelledby="fields-title">
          <li className="catalogue__item" data-testid="field-row-name">
            <Switch checked onChange={() => undefined} label={t('fields.switch', { field: t('form.name') })} describedBy="field-name-purpose" disabled />
            <div className="catalogue__text">
              <div className="catalogue__name">
                <span>{t('form.name')}</span>
                <span className="catalogue__state">{t('fields.alwaysOn')}</span>
              </div>
              <p id="field-name-purpose" className="catalogue__purpose">
                {t('fields.namePurpose')}
              </p>
            </div>
          </li>
          {fields.map((f) => (
            <FieldRow
              key={f.key}
              field={f}
              busy={busyKey === f.key}
              onToggle={(on) => void toggle(f, on)}
              onEdit={() => setEditor({ mode: 'edit', field: f })}
            />
          ))}
        </ul>
      )}
      {!fields && !fieldsError && <p className="muted">{t('common.loading')}</p>}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--outline"
          onClick={() => setEditor({ mode: 'create' })}
          disabled={!fields || customCount >= CUSTOM_FIELDS_MAX}
          id="field-add"
          data-testid="field-add"
        >
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t('fields.add')}
        </button>
      </div>
      {editor && (
        <FieldEditor
          target={editor}
          onCancel={() => setEditor(null)}
          onDone={(key, name) => {
            // A deleted field takes its Edit button along: continue from "Add your own field".
            if (key === 'fields.notice.deleted') setTimeout(() => document.getElementById('field-add')?.focus(), 0);
            setEditor(null);
            showNotice(key, { field: name });
          }}
        />
      )}
      {switchingOff && (
        <FieldSwitchOff
          field={switchingOff.field}
          count={switchingOff.count}
          onCancel={() => setSwitchingOff(null)}
          onDone={(erased) => {
            const name = fieldLabel(t, switchingOff.field);
            setSwitchingOff(null);
            showNotice(erased ? 'fields.notice.erased' : 'fields.notice.off', { field: name });
          }}
        />
      )}
    </div>
  );
}
