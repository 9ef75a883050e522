import { permissions, rolePermissions, roles } from '../../contract';
import { useT } from '../../i18n/useT';
import { permissionHintKey, permissionKey, roleKey } from './staffText';

/** Who may do what: every permission against every role, straight from the contract's matrix. */
export function PermissionMatrix() {
  const t = useT();
  return (
    <section className="matrix" aria-labelledby="permission-matrix-title">
      <h3 id="permission-matrix-title" className="section-title">
        {t('matrix.title')}
      </h3>
      <p className="muted">{t('matrix.intro')}</p>
      <div className="table-wrap">
        <table className="table table--compact matrix__table" data-testid="permission-matrix">
          <thead>
            <tr>
              <th scope="col">{t('matrix.permission')}</th>
              {roles.map((r) => (
                <th key={r} scope="col" className="matrix__role">
                  {t(roleKey(r))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((p) => (
              <tr key={p} data-testid={`matrix-row-${p}`}>
                <th scope="row" className="matrix__permission">
                  <span className="matrix__name">{t(permissionKey(p))}</span>
                  <span className="matrix__hint">{t(permissionHintKey(p))}</span>
                </th>
                {roles.map((r) => {
                  const allowed = rolePermissions[r].includes(p);
                  return (
                    <td key={r} className={allowed ? 'matrix__cell matrix__cell--yes' : 'matrix__cell'}>
                      <span aria-hidden="true">{allowed ? '✓' : '—'}</span>
                      <span className="sr-only">{allowed ? t('matrix.allowed') : t('matrix.denied')}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
