import type { Message } from '../contract';
import type { idNav } from './id.nav';

/** English — the primary navigation (features/nav) and the pages it leads to. */
export const enNav: Record<keyof typeof idNav, Message> = {
  'nav.label': 'Main navigation',
  'nav.customers': 'Customers',
  'nav.privacy': 'Privacy',
  'nav.purposes': 'Purposes & consent',
  'nav.notice': 'Privacy notice',
  'nav.requests': 'Data requests',
  'nav.settings': 'Settings',

  'privacy.purposes.title': 'Purposes & consent',
  'privacy.purposes.intro':
    'What this shop collects, and why. Customers have the right to know the purpose of each piece of data, its lawful basis and how long it is kept.',
  'privacy.purposes.readOnly': 'Only the shop Owner can change the purposes and the data collected.',
  'privacy.fields.title': 'Data collected',
};
