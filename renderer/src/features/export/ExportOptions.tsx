import { EXPORT_FORMATS, type ExportFormat } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { targetLabel } from '../fields/fieldText';

export type Delimiter = ';' | ',';
export type Scope = 'all' | 'filter' | 'selection';

const formatLabels: Record<ExportFormat, MessageKey> = { csv: 'export.format.csv', xlsx: 'export.format.xlsx', json: 'export.format.json' };
const delimiterLabels: Record<Delimiter, MessageKey> = { ';': 'export.delimiter.semicolon', ',': 'export.delimiter.comma' };

interface Props {
  format: ExportFormat;
  setFormat(f: ExportFormat): void;
  delimiter: Delimiter;
  setDelimiter(d: Delimiter): void;
  /** Field keys that may be exported (name, enabled fields, tags), in column order. */
  available: string[];
  chosen: ReadonlySet<string>;
  setChosen(next: ReadonlySet<string>): void;
  scope: Scope;
  setScope(s: Scope): void;
  filtered: boolean;
  selectedCount: number;
  disabled: boolean;
  noFields: boolean;
}

function Radio({ name, value, checked, onChange, label, disabled }: { name: string; value: string; checked: boolean; onChange(): void; label: string; disabled?: boolean }) {
  const id = `${name}-${value === ';' ? 'semicolon' : value === ',' ? 'comma' : value}`;
  return (
    <div className="check">
      <input type="radio" id={id} name={name} value={value} checked={checked} onChange={onChange} disabled={disabled} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** Format, CSV delimiter, fields and which customers: the export's choices. */
export function ExportOptions(p: Props) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const fields = useStore((s) => s.fields);
  const total = useStore((s) => s.total);
  const capped = useStore((s) => s.capped);
  const toggle = (key: string) => {
    const next = new Set(p.chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    p.setChosen(next);
  };
  const filterCount = total === null ? '' : formatNumber(locale, total) + (capped ? '+' : '');
  return (
    <div className="export-grid">
      <fieldset className="radio-group" disabled={p.disabled}>
        <legend className="field__label">{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <Radio key={f} name="export-format" value={f} checked={p.format === f} onChange={() => p.setFormat(f)} label={t(formatLabels[f])} />
        ))}
        {p.format === 'csv' && (
          <fieldset className="radio-group radio-group--nested">
            <legend className="field__label">{t('export.delimiter')}</legend>
            {(Object.keys(delimiterLabels) as Delimiter[]).map((d) => (
              <Radio key={d} name="export-delimiter" value={d} checked={p.delimiter === d} onChange={() => p.setDelimiter(d)} label={t(delimiterLabels[d])} />
            ))}
          </fieldset>
        )}
      </fieldset>
      <fieldset className="radio-group" disabled={p.disabled}>
        <legend className="field__label">{t('export.scope')}</legend>
        <Radio name="export-scope" value="all" checked={p.scope === 'all'} onChange={() => p.setScope('all')} label={t('export.scope.all')} />
        <Radio name="export-scope" value="filter" checked={p.scope === 'filter'} onChange={() => p.setScope('filter')} label={p.filtered ? t('export.scope.filter', { count: filterCount }) : t('export.scope.filterNone')} disabled={!p.filtered} />
        <Radio name="export-scope" value="selection" checked={p.scope === 'selection'} onChange={() => p.setScope('selection')} label={t('export.scope.selection', { count: formatNumber(locale, p.selectedCount) })} disabled={p.selectedCount === 0} />
        {p.selectedCount === 0 && <p className="field__hint">{t('export.scope.selectionHint')}</p>}
      </fieldset>
      <fieldset className="radio-group export-grid__wide" disabled={p.disabled} aria-describedby={p.noFields ? 'export-fields-error' : undefined}>
        <legend className="field__label">{t('export.fields')}</legend>
        <div className="checks">
          {p.available.map((key) => (
            <div key={key} className="check">
              <input type="checkbox" id={`export-field-${key}`} checked={p.chosen.has(key)} onChange={() => toggle(key)} />
              <label htmlFor={`export-field-${key}`}>{targetLabel(t, key, fields)}</label>
            </div>
          ))}
        </div>
        {p.noFields && (
          <p id="export-fields-error" className="field__error" role="alert">
            {t('export.noFields')}
          </p>
        )}
      </fieldset>
    </div>
  );
}
