import type { ImportProblem } from '../../contract';
import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { targetLabel } from '../fields/fieldText';
import { problemKey } from './problemText';

const MAX_SHOWN = 20;

/**
 * The first rows not imported — invalid, or left alone as same phone/email, other name: row number
 * as the spreadsheet shows it, column, translated reason. `rows`: how many rows that is in all.
 */
export function ProblemTable({ problems, rows }: { problems: ImportProblem[]; rows: number }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const fields = useStore((s) => s.fields);
  const shown = problems.slice(0, MAX_SHOWN);
  const more = problems.length > shown.length || rows > new Set(shown.map((p) => p.row)).size;
  return (
    <div className="problems">
      <div className="table-wrap table-wrap--scroll" tabIndex={0} role="region" aria-labelledby="import-problems-title">
        <table className="table table--compact" data-testid="import-problems">
          <caption id="import-problems-title" className="table__caption">
            {t('import.problems.title', { count: formatNumber(locale, rows) })}
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
                <td>{t(problemKey(p.code))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && <p className="field__hint">{t('import.problems.more', { shown: formatNumber(locale, shown.length) })}</p>}
    </div>
  );
}
