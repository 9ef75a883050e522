import { useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { panelProps, Tabs } from '../../components/Tabs';
import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { ConsentPanel } from '../consent/ConsentPanel';
import { PurchaseHistory } from '../purchases/PurchaseHistory';
import { CustomerForm } from './CustomerForm';
import { CustomerSummary } from './CustomerSummary';

type Tab = 'data' | 'consent' | 'purchases';
const PREFIX = 'customer';

/** Add a customer, or open one: details (and confirmation with the customer) and purchase history. */
export function CustomerEditor() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const editor = useStore((s) => s.editor);
  const closeEditor = useStore((s) => s.closeEditor);
  const canEdit = usePermission('customers.edit');
  const [tab, setTab] = useState<Tab>('data');
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  if (!editor) return null;
  const existing = editor.mode === 'edit' ? editor.customer : null;

  return (
    <Dialog
      title={existing ? t('form.editTitle') : t('form.addTitle')}
      onClose={closeEditor}
      // Read-only for roles that cannot edit: the (disabled) name cannot take focus, the first control does.
      {...(canEdit ? { initialFocus: nameRef } : {})}
      size={existing ? 'large' : 'medium'}
      testId="customer-dialog"
    >
      {existing && <CustomerSummary customer={existing} />}
      {existing && (
        <Tabs<Tab>
          label={t('form.sections')}
          prefix={PREFIX}
          active={tab}
          onChange={setTab}
          tabs={[
            { key: 'data', label: t('form.tab.data'), testId: 'customer-tab-data' },
            { key: 'consent', label: t('consent.tab'), testId: 'customer-tab-consent' },
            {
              key: 'purchases',
              label: t('form.tab.purchases', { count: formatNumber(locale, existing.purchaseCount) }),
              testId: 'customer-tab-purchases',
            },
          ]}
        />
      )}
      {/* Both stay mounted, so what was typed survives a look at the purchases. */}
      <div {...(existing ? panelProps(PREFIX, 'data') : {})} hidden={tab !== 'data'} className="tab-panel">
        <CustomerForm existing={existing} nameRef={nameRef} />
      </div>
      {existing && (
        <div {...panelProps(PREFIX, 'consent')} hidden={tab !== 'consent'} className="tab-panel">
          {tab === 'consent' && <ConsentPanel customer={existing} />}
        </div>
      )}
      {existing && (
        <div {...panelProps(PREFIX, 'purchases')} hidden={tab !== 'purchases'} className="tab-panel">
          {tab === 'purchases' && <PurchaseHistory customer={existing} />}
        </div>
      )}
    </Dialog>
  );
}
