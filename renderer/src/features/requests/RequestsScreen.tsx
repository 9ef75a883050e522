import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { REQUEST_STATES, REQUEST_TYPES, type RequestState, type RequestType } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { NewRequestDialog } from './NewRequestDialog';
import { RequestDialog } from './RequestDialog';
import { RequestList } from './RequestList';
import { TargetSetting } from './TargetSetting';

/**
 * Permintaan data pribadi: the register, open requests first (the most urgent on top), each with
 * the time left the vault computed. Whoever adds customers can record a request and hand over its
 * receipt; the Owner and Managers (privacy.handle) see the register and answer.
 */
export function RequestsScreen() {
  const t = useT();
  const canHandle = usePermission('privacy.handle');
  const list = useStore((s) => s.requestsList);
  const error = useStore((s) => s.requestsError);
  const filter = useStore((s) => s.requestsFilter);
  const setFilter = useStore((s) => s.setRequestsFilter);
  const load = useStore((s) => s.loadRequests);
  const detail = useStore((s) => s.requestDetail);
  const exportRegister = useStore((s) => s.exportRequestRegister);
  const showNotice = useStore((s) => s.showNotice);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (canHandle) void load();
  }, [canHandle, load]);

  const onExport = async () => {
    const res = await exportRegister();
    if (res.ok && res.value) showNotice('requests.exported', { file: res.value.fileName, rows: res.value.rows });
  };

  return (
    <section className="page requests-screen" aria-labelledby="requests-title" data-testid="requests-screen">
      <div className="page__head">
        <h1 id="requests-title" className="page-title">
          {t('requests.title')}
        </h1>
        <div className="actions">
          {canHandle && (
            <button type="button" className="button button--outline" onClick={() => void onExport()} data-testid="requests-export">
              {t('requests.export')}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="requests-new">
            {t('requests.new')}
          </button>
        </div>
      </div>
      <p className="page__intro">{t(canHandle ? 'requests.intro' : 'requests.intro.cashier')}</p>
      {canHandle && (
        <>
          <div className="requests__filters" role="group" aria-label={t('requests.filter.show')}>
            <SelectField
              id="requests-filter-open"
              label={t('requests.filter.show')}
              value={filter.dueSoon ? 'due' : filter.open ? 'open' : 'all'}
              onChange={(v) => setFilter({ open: v !== 'all', dueSoon: v === 'due' })}
              options={[
                { value: 'open', label: t('requests.filter.open') },
                { value: 'due', label: t('requests.filter.due') },
                { value: 'all', label: t('requests.filter.all') },
              ]}
              testId="requests-filter-open"
            />
            <SelectField
              id="requests-filter-type"
              label={t('requests.filter.type')}
              value={filter.type ?? ''}
              onChange={(v) => setFilter({ type: v === '' ? null : (v as RequestType) })}
              options={[{ value: '', label: t('requests.filter.anyType') }, ...REQUEST_TYPES.map((type) => ({ value: type, label: t(`requests.type.${type}`) }))]}
              testId="requests-filter-type"
            />
            <SelectField
              id="requests-filter-state"
              label={t('requests.filter.state')}
              value={filter.state ?? ''}
              onChange={(v) => setFilter({ state: v === '' ? null : (v as RequestState) })}
              options={[{ value: '', label: t('requests.filter.anyState') }, ...REQUEST_STATES.map((st) => ({ value: st, label: t(`requests.state.${st}`) }))]}
              testId="requests-filter-state"
            />
          </div>
          {error && !list ? <Alert>{t(errorKey(error))}</Alert> : <RequestList rows={list} open={filter.open} />}
          <TargetSetting />
        </>
      )}
      {creating && <NewRequestDialog onClose={() => setCreating(false)} />}
      {detail && <RequestDialog />}
    </section>
  );
}
