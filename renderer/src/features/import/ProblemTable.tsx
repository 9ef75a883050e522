import type { ImportProblem } from '../../contract';
import { formatNumber } from '../../i18n/translate';
import { fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { targetLabel } from '../fields/fieldText';

const MAX_SHOWN = 20;

/** The first invalid rows: row number as the spreadsheet shows it, column, translated reason. */
export function ProblemTable({ problems, invalidRows }: { problems: ImportProblem[]; invalidRows: number }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const fields = useStore((s) => s.fields);
  const shown = problems.slice(0, MAX_SHOWN);
  const more = problems.length > shown.length || invalidRows > new Set(shown.map((p) => p.row)).size;
  return (
    <div className="problems">
      <div className="table-wrap table-wrap--scroll" tabIndex={0} role="region" aria-labelledby="import-problems-title">
        <table className="table table--compact" data-testid="import-problems">
          <caption id="import-problems-title" className="table__caption">
            {t('import.problems.title', { count: formatNumber(locale, invalidRows) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.preview.row')}
              </th>
              <th scope="col">{t('import.problems.column')}</th>
              <th scope="col">{t('import.problems.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.row}-${p.column}-${i}`} data-testid="import-problem">
                <td className="num">{p.row}</td>
                <td>{targetLabel(t, p.column, fields)}</td>
                <td>{t(fieldErrorKey(p.code))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && <p className="field__hint">{t('import.problems.more', { shown: formatNumber(locale, shown.length) })}</p>}
    </div>
  );
}
