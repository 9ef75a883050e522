import { consentPurposeOf, type Gender, type ImportProblem } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { genderLabels, targetLabel } from '../fields/fieldText';
import { problemKey } from './problemText';

/** The first rows as they will be stored (`import.preview`), problems (and values to be left empty) marked in their cells. */
export function PreviewTable() {
  const t = useT();
  const file = useStore((s) => s.importer.file);
  const mapping = useStore((s) => s.importer.mapping);
  const preview = useStore((s) => s.importer.preview);
  const fields = useStore((s) => s.fields);
  const purposes = useStore((s) => s.purposes);
  const locale = useStore((s) => s.locale);
  if (!file) return null;

  // One preview column per target (tags gathered from several columns show once).
  const columns = mapping.flatMap((target, i) => (target && mapping.indexOf(target) === i ? [{ target, header: file.headers[i] ?? '' }] : []));
  const shown = (target: string, value: string | undefined) => {
    if (target === 'gender' && value && value in genderLabels) return t(genderLabels[value as Gender]);
    if (consentPurposeOf(target) !== null && (value === 'given' || value === 'refused')) return t(`import.consent.${value}`);
    return value ?? '';
  };
  const label = (target: string) => {
    const key = consentPurposeOf(target);
    if (key === null) return targetLabel(t, target, fields);
    return t('import.map.consentTarget', { purpose: purposes?.find((p) => p.key === key)?.name[locale] ?? key });
  };
  const problemIn = (problems: ImportProblem[], c: { target: string; header: string }) =>
    problems.find((p) => p.column === c.target || p.column === c.header);

  return (
    <div className="preview" data-testid="import-preview">
      <h4 id="import-preview-title" className="subsection-title">
        {t('import.preview.title')}
      </h4>
      {!preview && <p className="muted">{t('common.loading')}</p>}
      {preview && (columns.length === 0 || preview.rows.length === 0) && <p className="muted">{t('import.preview.empty')}</p>}
      {preview && columns.length > 0 && preview.rows.length > 0 && (
        <div className="table-wrap table-wrap--scroll" tabIndex={0} role="region" aria-labelledby="import-preview-title">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('import.preview.row')}
                </th>
                {columns.map((c) => (
                  <th key={c.target} scope="col">
                    {label(c.target)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} data-testid="import-preview-row">
                  <td className="num muted">{r.row}</td>
                  {columns.map((c) => {
                    const problem = problemIn(r.problems, c);
                    return (
                      <td key={c.target} className={problem ? 'cell--invalid' : undefined}>
                        {shown(c.target, r.values[c.target])}
                        {problem && <span className="cell__problem">{t(problemKey(problem.code))}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
