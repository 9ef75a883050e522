import { useEffect, useState } from 'react';
import { panelProps, tabId, Tabs, type TabDef } from '../../components/Tabs';
import type { Permission } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore, type SettingsSection } from '../../store';
import { AuditTrail } from '../audit/AuditTrail';
import { BackupSettings } from '../backup/BackupSettings';
import { AccessReview } from '../staff/AccessReview';
import { PeopleTab } from '../staff/PeopleTab';
import { GeneralSettings } from './GeneralSettings';
import { SecuritySettings } from './SecuritySettings';

const PREFIX = 'settings';

/** Every section, in tab order, with the permission that shows it (the router refuses the rest anyway). */
const SECTIONS: { key: SettingsSection; label: MessageKey; permission: Permission }[] = [
  { key: 'general', label: 'settings.tab.general', permission: 'settings.manage' },
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

/**
 * The Settings page of the primary navigation: its sections as tabs, each shown only to roles
 * allowed to use it. "Close" in a section goes back to the customer list.
 */
export function SettingsPage() {
  const t = useT();
  const goTo = useStore((s) => s.goTo);
  const start = useStore((s) => s.settingsStart);
  const clearSettingsStart = useStore((s) => s.clearSettingsStart);
  const permissions = useStore((s) => (s.status?.state === 'unlocked' ? s.status.user.permissions : null));
  const reviewDue = useStore((s) => s.status?.state === 'unlocked' && s.status.accessReviewDue);
  const visible = visibleSections(permissions ?? []);
  const [chosen, setChosen] = useState<SettingsSection | null>(start);
  const section = chosen && visible.includes(chosen) ? chosen : visible[0];
  // Sent here by a banner ("Open backups"): the page opens on that section and its tab takes the focus.
  useEffect(() => {
    if (!start) return;
    clearSettingsStart();
    document.getElementById(tabId(PREFIX, start))?.focus();
  }, [start, clearSettingsStart]);
  const close = () => goTo('customers');

  const tabs: TabDef<SettingsSection>[] = SECTIONS.filter((s) => visible.includes(s.key)).map((s) => ({
    key: s.key,
    label: s.key === 'review' && reviewDue ? t('settings.tab.reviewDue') : t(s.label),
    testId: `settings-tab-${s.key}`,
  }));

  return (
    <section className="page page--settings" aria-labelledby="settings-title" data-testid="settings-page">
      <h1 id="settings-title" className="page-title">
        {t('settings.title')}
      </h1>
      {section === undefined ? (
        <p className="dialog__body" data-testid="settings-none">
          {t('settings.noSections')}
        </p>
      ) : (
        <>
          <Tabs<SettingsSection> label={t('settings.sections')} prefix={PREFIX} active={section} onChange={setChosen} tabs={tabs} />
          <div {...panelProps(PREFIX, section)} className="tab-panel page__panel">
            <SectionPanel section={section} onClose={close} />
          </div>
        </>
      )}
    </section>
  );
}

function SectionPanel({ section, onClose }: { section: SettingsSection; onClose(): void }) {
  switch (section) {
    case 'general':
      return <GeneralSettings onClose={onClose} />;
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
