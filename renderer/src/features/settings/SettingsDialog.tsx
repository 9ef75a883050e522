import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { panelProps, Tabs, type TabDef } from '../../components/Tabs';
import type { Permission } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore, type SettingsSection } from '../../store';
import { AuditTrail } from '../audit/AuditTrail';
import { BackupSettings } from '../backup/BackupSettings';
import { FieldCatalogue } from '../fields/FieldCatalogue';
import { NoticeScreen } from '../notice/NoticeScreen';
import { AccessReview } from '../staff/AccessReview';
import { PeopleTab } from '../staff/PeopleTab';
import { GeneralSettings } from './GeneralSettings';
import { SecuritySettings } from './SecuritySettings';

const PREFIX = 'settings';

/** Every section, in tab order, with the permission that shows it (the router refuses the rest anyway). */
const SECTIONS: { key: SettingsSection; label: MessageKey; permission: Permission }[] = [
  { key: 'general', label: 'settings.tab.general', permission: 'settings.manage' },
  { key: 'fields', label: 'settings.tab.fields', permission: 'settings.manage' },
  // Until the app navigation's Privasi section lands (branch nav): the notice lives here for now.
  { key: 'notice', label: 'settings.tab.notice', permission: 'settings.manage' },
  { key: 'people', label: 'settings.tab.people', permission: 'staff.manage' },
  { key: 'review', label: 'settings.tab.review', permission: 'staff.manage' },
  { key: 'audit', label: 'settings.tab.audit', permission: 'audit.view' },
  { key: 'backup', label: 'settings.tab.backup', permission: 'backup.manage' },
  { key: 'security', label: 'settings.tab.security', permission: 'security.manage' },
];

/** The sections the signed-in person's role allows. */
export function visibleSections(permissions: readonly Permission[]): SettingsSection[] {
  return SECTIONS.filter((s) => permissions.includes(s.permission)).map((s) => s.key);
}

/** Settings in sections, each shown only to roles allowed to use it. */
export function SettingsDialog() {
  const t = useT();
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const start = useStore((s) => s.settingsStart);
  const clearSettingsStart = useStore((s) => s.clearSettingsStart);
  const permissions = useStore((s) => (s.status?.state === 'unlocked' ? s.status.user.permissions : null));
  const reviewDue = useStore((s) => s.status?.state === 'unlocked' && s.status.accessReviewDue);
  const visible = visibleSections(permissions ?? []);
  const [chosen, setChosen] = useState<SettingsSection | null>(start);
  useEffect(() => {
    if (start) clearSettingsStart();
  }, [start, clearSettingsStart]);
  const section = chosen && visible.includes(chosen) ? chosen : visible[0];
  const close = () => setSettingsOpen(false);

  const tabs: TabDef<SettingsSection>[] = SECTIONS.filter((s) => visible.includes(s.key)).map((s) => ({
    key: s.key,
    label: s.key === 'review' && reviewDue ? t('settings.tab.reviewDue') : t(s.label),
    testId: `settings-tab-${s.key}`,
  }));

  return (
    <Dialog title={t('settings.title')} onClose={close} size="large" testId="settings-dialog">
      {section === undefined ? (
        <>
          <p className="dialog__body" data-testid="settings-none">
            {t('settings.noSections')}
          </p>
          <div className="dialog__actions">
            <span className="spacer" />
            <button type="button" className="button button--primary" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <Tabs<SettingsSection> label={t('settings.sections')} prefix={PREFIX} active={section} onChange={setChosen} tabs={tabs} />
          <div {...panelProps(PREFIX, section)} className="tab-panel">
            <SectionPanel section={section} onClose={close} />
          </div>
        </>
      )}
    </Dialog>
  );
}

function SectionPanel({ section, onClose }: { section: SettingsSection; onClose(): void }) {
  switch (section) {
    case 'general':
      return <GeneralSettings onClose={onClose} />;
    case 'fields':
      return <FieldCatalogue onClose={onClose} />;
    case 'notice':
      return <NoticeScreen />;
    case 'people':
      return <PeopleTab onClose={onClose} />;
    case 'review':
      return <AccessReview onClose={onClose} />;
    case 'audit':
      return <AuditTrail onClose={onClose} />;
    case 'backup':
      return <BackupSettings onClose={onClose} />;
    case 'security':
      return <SecuritySettings onClose={onClose} />;
  }
}
