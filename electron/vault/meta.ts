/** The `meta` key/value table: vault id, settings, recovery-code confirmation. */
import type { Queryable } from './db/driver';
import { roles, type Role, type Settings } from '../contract';

export async function getMeta(db: Queryable, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
}

export async function setMeta(db: Queryable, key: string, value: string): Promise<void> {
  await db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 5, require2faRoles: [] };

function parseRoles(stored: string | undefined): Role[] {
  try {
    const parsed: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(parsed) ? roles.filter((r) => parsed.includes(r)) : [];
  } catch {
    return [];
  }
}

export async function getSettings(db: Queryable): Promise<Settings> {
  const idle = Number(await getMeta(db, 'idle_lock_minutes'));
  return {
    idleLockMinutes: Number.isInteger(idle) && idle > 0 ? idle : DEFAULT_SETTINGS.idleLockMinutes,
    require2faRoles: parseRoles(await getMeta(db, 'require_2fa_roles')),
  };
}

export async function saveSettings(db: Queryable, s: Settings): Promise<void> {
  await setMeta(db, 'idle_lock_minutes', String(s.idleLockMinutes));
  await setMeta(db, 'require_2fa_roles', JSON.stringify(roles.filter((r) => s.require2faRoles.includes(r))));
}
