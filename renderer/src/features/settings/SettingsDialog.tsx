import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { panelProps, Tabs } from '../../components/Tabs';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { FieldCatalogue } from '../fields/FieldCatalogue';
import { GeneralSettings } from './GeneralSettings';

type Section = 'general' | 'fields';
const PREFIX = 'settings';

/** Settings in sections: General (idle lock) and Data collected (the field catalogue). */
export function SettingsDialog() {
  const t = useT();
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const [section, setSection] = useState<Section>('general');
  const close = () => setSettingsOpen(false);

  return (
    <Dialog title={t('settings.title')} onClose={close} size="large" testId="settings-dialog">
      <Tabs<Section>
        label={t('settings.sections')}
        prefix={PREFIX}
        active={section}
        onChange={setSection}
        tabs={[
          { key: 'general', label: t('settings.tab.general'), testId: 'settings-tab-general' },
          { key: 'fields', label: t('settings.tab.fields'), testId: 'settings-tab-fields' },
        ]}
      />
      <div {...panelProps(PREFIX, section)} className="tab-panel">
        {section === 'general' ? <GeneralSettings onClose={close} /> : <FieldCatalogue onClose={close} />}
      </div>
    </Dialog>
  );
}
