import type { Permission, SessionUser, VaultStatus } from '../contract';
import { useStore } from './index';

/**
 * What the signed-in person's role allows, for hiding buttons that would only be refused.
 * The main process enforces every permission itself; this is never a security check.
 */
export const hasPermission = (status: VaultStatus | null, permission: Permission): boolean =>
  status?.state === 'unlocked' && status.user.permissions.includes(permission);

/** `const canExport = usePermission('data.export')` — re-renders only when the answer changes. */
export function usePermission(permission: Permission): boolean {
  return useStore((s) => hasPermission(s.status, permission));
}

/** True when the role allows at least one of `permissions`. */
export function useAnyPermission(...permissions: Permission[]): boolean {
  return useStore((s) => permissions.some((p) => hasPermission(s.status, p)));
}

/** Who is signed in, or null. */
export function useSessionUser(): SessionUser | null {
  return useStore((s) => (s.status?.state === 'unlocked' ? s.status.user : null));
}

/** Any of these shows the Settings page (general, staff, audit, backups, security). */
export const SETTINGS_PERMISSIONS: readonly Permission[] = ['settings.manage', 'staff.manage', 'audit.view', 'backup.manage', 'security.manage'];
