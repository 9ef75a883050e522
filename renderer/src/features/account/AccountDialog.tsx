import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { panelProps, Tabs } from '../../components/Tabs';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { useSessionUser } from '../../store/permissions';
import { ChangePasswordForm } from './ChangePasswordForm';
import { roleLabelKey } from './roleLabel';
import { TwoFactorPanel } from './TwoFactorPanel';

type Tab = 'password' | 'twoFactor';
const PREFIX = 'account';

/** My account: the signed-in person's password and two-step verification. */
export function AccountDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const user = useSessionUser();
  // Backup codes not yet confirmed as written down open the 2FA tab again.
  const [tab, setTab] = useState<Tab>(() => (useStore.getState().backupCodes ? 'twoFactor' : 'password'));
  if (!user) return null;
  return (
    <Dialog title={t('account.title')} onClose={onClose} size="medium" testId="account-dialog">
      <p className="muted" data-testid="account-who">
        {t('account.who', { name: user.name, role: t(roleLabelKey(user.role)) })}
      </p>
      <Tabs<Tab>
        label={t('account.sections')}
        prefix={PREFIX}
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'password', label: t('account.tab.password'), testId: 'account-tab-password' },
          { key: 'twoFactor', label: t('account.tab.twoFactor'), testId: 'account-tab-2fa' },
        ]}
      />
      <div {...panelProps(PREFIX, tab)} className="tab-panel">
        {tab === 'password' ? <ChangePasswordForm /> : <TwoFactorPanel />}
      </div>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
