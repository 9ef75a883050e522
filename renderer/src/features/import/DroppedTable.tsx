import type { ImportProblem } from '../../contract';
import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { targetLabel } from '../fields/fieldText';
import { problemKey } from './problemText';

const MAX_SHOWN = 20;

/**
 * Rows imported without an optional value that is not valid (a malformed e-mail): row, column and
 * why the value is left empty. `rows`: how many rows that is in all (the report lists every one).
 */
export function DroppedTable({ dropped, rows }: { dropped: ImportProblem[]; rows: number }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const fields = useStore((s) => s.fields);
  const shown = dropped.slice(0, MAX_SHOWN);
  const more = dropped.length > shown.length || rows > new Set(shown.map((p) => p.row)).size;
  return (
    <div className="problems">
      <div className="table-wrap table-wrap--scroll" tabIndex={0} role="region" aria-labelledby="import-dropped-title">
        <table className="table table--compact" data-testid="import-dropped">
          <caption id="import-dropped-title" className="table__caption">
            {t('import.dropped.title', { count: formatNumber(locale, rows) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('import.preview.row')}
              </th>
              <th scope="col">{t('import.problems.column')}</th>
              <th scope="col">{t('import.dropped.what')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.row}-${p.column}-${i}`} data-testid="import-dropped-row">
                <td className="num">{p.row}</td>
                <td>{targetLabel(t, p.column, fields)}</td>
                <td>{t(problemKey(p.code))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && <p className="field__hint">{t('import.problems.more', { shown: formatNumber(locale, shown.length) })}</p>}
      <p className="field__hint">{t('import.review.partialNote')}</p>
    </div>
  );
}
