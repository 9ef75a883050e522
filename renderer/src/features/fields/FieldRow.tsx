import { Switch } from '../../components/Switch';
import type { FieldDef } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { fieldLabel, kindLabels } from './fieldText';
import { purposeNames } from './purposeText';

interface Props {
  field: FieldDef;
  busy: boolean;
  onToggle(on: boolean): void;
  onEdit(): void;
}

/** One catalogue entry: on/off, name, kind, sensitive mark, and the purposes it serves (in the UI's language). */
export function FieldRow({ field, busy, onToggle, onEdit }: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const shown = purposeNames(field, purposes, locale);
  const label = fieldLabel(t, field);
  const purposeId = `field-${field.key}-purpose`;
  return (
    <li className={field.enabled ? 'catalogue__item' : 'catalogue__item catalogue__item--off'} data-testid={`field-row-${field.key}`}>
      <Switch
        checked={field.enabled}
        onChange={onToggle}
        label={t('fields.switch', { field: label })}
        describedBy={purposeId}
        busy={busy}
        testId={`field-switch-${field.key}`}
      />
      <div className="catalogue__text">
        <div className="catalogue__name">
          <span>{label}</span>
          {!field.builtin && <span className="badge">{t(kindLabels[field.kind as keyof typeof kindLabels] ?? 'fields.kind.text')}</span>}
          {field.sensitive && <span className="badge badge--sensitive">{t('fields.sensitiveMark')}</span>}
          <span className="catalogue__state">{field.enabled ? t('fields.on') : t('fields.off')}</span>
        </div>
        <p id={purposeId} className={shown ? 'catalogue__purpose' : 'catalogue__purpose catalogue__purpose--missing'} data-testid={`field-purposes-${field.key}`}>
          {shown ? t('fields.purposeShown', { purpose: shown }) : t('fields.noPurpose')}
        </p>
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onEdit} aria-label={t('fields.editLabel', { field: label })} data-testid={`field-edit-${field.key}`}>
        {t('fields.editShort')}
      </button>
    </li>
  );
}
