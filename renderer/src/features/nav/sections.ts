import type { ComponentType } from 'react';
import type { Permission } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import type { PageId } from '../../store';
import { SETTINGS_PERMISSIONS } from '../../store/permissions';
import { CustomersPage } from '../customers/CustomersPage';
import { NoticeScreen } from '../notice/NoticeScreen';
import { PurposesScreen } from '../purposes/PurposesScreen';
import { RequestsBadge } from '../requests/RequestsBadge';
import { RequestsScreen } from '../requests/RequestsScreen';
import { SettingsPage } from '../settings/SettingsPage';

/** Headings that gather several entries in the navigation (consecutive rows with the same group). */
export const NAV_GROUPS = { privacy: 'nav.privacy' } as const satisfies Record<string, MessageKey>;
export type NavGroup = keyof typeof NAV_GROUPS;

export interface NavSection {
  id: PageId;
  label: MessageKey;
  /** Shown when the role has this permission (or any of these). The router enforces each channel anyway. */
  permission: Permission | readonly Permission[];
  /** The page, without props; it holds its own <h1>. */
  component: ComponentType;
  group?: NavGroup;
  /** A count beside the label (open requests), drawn by the section itself. */
  badge?: ComponentType;
}

/**
 * The primary navigation, in order. A new section is one row here (its id in PageId, its icon in
 * NavIcon.tsx). The requests, hygiene and incidents sections join the privacy group the same way.
 */
export const NAV_SECTIONS: readonly NavSection[] = [
  { id: 'customers', label: 'nav.customers', permission: 'customers.view', component: CustomersPage },
  { id: 'purposes', label: 'nav.purposes', permission: 'customers.view', component: PurposesScreen, group: 'privacy' },
  { id: 'notice', label: 'nav.notice', permission: 'customers.view', component: NoticeScreen, group: 'privacy' },
  // Cashiers take requests at the counter (customers.edit); the register is for privacy.handle.
  { id: 'requests', label: 'nav.requests', permission: ['privacy.handle', 'customers.edit'], component: RequestsScreen, group: 'privacy', badge: RequestsBadge },
  { id: 'settings', label: 'nav.settings', permission: SETTINGS_PERMISSIONS, component: SettingsPage },
];

const allows = (granted: readonly Permission[], needed: NavSection['permission']): boolean =>
  typeof needed === 'string' ? granted.includes(needed) : needed.some((p) => granted.includes(p));

/** The sections the signed-in person's role may use, in order. */
export const visibleNavSections = (granted: readonly Permission[]): NavSection[] => NAV_SECTIONS.filter((s) => allows(granted, s.permission));
