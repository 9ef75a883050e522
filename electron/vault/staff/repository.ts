/** Staff accounts. For now the Owner only; the staff issue adds the other roles. */
import type { Queryable } from '../db/driver';

export type Role = 'owner' | 'manager' | 'staff' | 'viewer';

export interface StaffRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
}

interface Raw {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
}
const toStaff = (r: Raw): StaffRow => ({ id: r.id, name: r.name, role: r.role, passwordHash: r.password_hash });

export async function insertStaff(db: Queryable, s: Omit<StaffRow, 'id'>, now: number): Promise<number> {
  const res = await db.run(
    'INSERT INTO staff (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    [s.name, s.role, s.passwordHash, now, now],
  );
  return res.lastID;
}

export async function getOwner(db: Queryable): Promise<StaffRow | undefined> {
  const row = await db.get<Raw>("SELECT id, name, role, password_hash FROM staff WHERE role = 'owner' ORDER BY id LIMIT 1");
  return row && toStaff(row);
}

export async function updatePasswordHash(db: Queryable, id: number, hash: string, now: number): Promise<void> {
  await db.run('UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?', [hash, now, id]);
}
