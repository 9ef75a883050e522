/** Staff accounts: plain functions over the `staff` and `staff_backup_codes` tables. */
import type { Role } from '../../contract';
import type { Queryable } from '../db/driver';

export type { Role };

export interface StaffRow {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  status: 'active' | 'disabled';
  reason: string;
  totpSecret: string | null;
  totpLastStep: number | null;
  failedAttempts: number;
  lastFailedAt: number | null;
  lastSignInAt: number | null;
  lastReviewedAt: number | null;
  createdAt: number;
}

interface Raw {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  status: 'active' | 'disabled';
  access_reason: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  failed_attempts: number;
  last_failed_at: number | null;
  last_sign_in_at: number | null;
  last_reviewed_at: number | null;
  created_at: number;
}

const COLUMNS =
  'id, name, role, password_hash, status, access_reason, totp_secret, totp_last_step, failed_attempts, last_failed_at, last_sign_in_at, last_reviewed_at, created_at';

const toStaff = (r: Raw): StaffRow => ({
  id: r.id,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  status: r.status,
  reason: r.access_reason,
  totpSecret: r.totp_secret,
  totpLastStep: r.totp_last_step,
  failedAttempts: r.failed_attempts,
  lastFailedAt: r.last_failed_at,
  lastSignInAt: r.last_sign_in_at,
  lastReviewedAt: r.last_reviewed_at,
  createdAt: r.created_at,
});

export interface NewStaff {
  name: string;
  role: Role;
  passwordHash: string;
  reason?: string;
}

export async function insertStaff(db: Queryable, s: NewStaff, now: number): Promise<number> {
  const res = await db.run(
    'INSERT INTO staff (name, role, password_hash, access_reason, created_at, updated_at, last_reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [s.name, s.role, s.passwordHash, s.reason ?? '', now, now, now],
  );
  return res.lastID;
}

export async function getOwner(db: Queryable): Promise<StaffRow | undefined> {
  const row = await db.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE role = 'owner' ORDER BY id LIMIT 1`);
  return row && toStaff(row);
}

export async function getStaff(db: Queryable, id: number): Promise<StaffRow | undefined> {
  const row = await db.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, [id]);
  return row && toStaff(row);
}

export async function findStaffByName(db: Queryable, name: string): Promise<StaffRow | undefined> {
  const row = await db.get<Raw>(`SELECT ${COLUMNS} FROM staff WHERE name = ? COLLATE NOCASE`, [name.trim()]);
  return row && toStaff(row);
}

/** Everyone, Owner first, then by name. */
export async function listStaff(db: Queryable): Promise<StaffRow[]> {
  const rows = await db.all<Raw>(`SELECT ${COLUMNS} FROM staff ORDER BY role <> 'owner', name COLLATE NOCASE, id`);
  return rows.map(toStaff);
}

export async function updatePasswordHash(db: Queryable, id: number, hash: string, now: number): Promise<void> {
  await db.run('UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?', [hash, now, id]);
}

export async function updateStaffFields(
  db: Queryable,
  id: number,
  patch: Partial<Pick<StaffRow, 'name' | 'role' | 'reason' | 'status' | 'lastReviewedAt'>>,
  now: number,
): Promise<void> {
  const columns: Record<string, string> = { name: 'name', role: 'role', reason: 'access_reason', status: 'status', lastReviewedAt: 'last_reviewed_at' };
  const sets: string[] = [];
  const params: (string | number | null)[] = [];
  for (const [key, column] of Object.entries(columns)) {
    const value = patch[key as keyof typeof patch];
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(value);
  }
  if (sets.length === 0) return;
  await db.run(`UPDATE staff SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`, [...params, now, id]);
}

export async function recordFailure(db: Queryable, id: number, now: number): Promise<void> {
  await db.run('UPDATE staff SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?', [now, id]);
}

export async function recordSignIn(db: Queryable, id: number, now: number): Promise<void> {
  await db.run('UPDATE staff SET failed_attempts = 0, last_failed_at = NULL, last_sign_in_at = ? WHERE id = ?', [now, id]);
}

export async function clearFailures(db: Queryable, id: number): Promise<void> {
  await db.run('UPDATE staff SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?', [id]);
}

export async function setTotp(db: Queryable, id: number, secret: string | null, now: number): Promise<void> {
  await db.run('UPDATE staff SET totp_secret = ?, totp_last_step = NULL, updated_at = ? WHERE id = ?', [secret, now, id]);
  if (secret === null) await db.run('DELETE FROM staff_backup_codes WHERE staff_id = ?', [id]);
}

export async function setTotpLastStep(db: Queryable, id: number, step: number): Promise<void> {
  await db.run('UPDATE staff SET totp_last_step = ? WHERE id = ?', [step, id]);
}

export async function replaceBackupCodes(db: Queryable, id: number, hashes: readonly string[]): Promise<void> {
  await db.run('DELETE FROM staff_backup_codes WHERE staff_id = ?', [id]);
  for (const h of hashes) await db.run('INSERT INTO staff_backup_codes (staff_id, code_hash) VALUES (?, ?)', [id, h]);
}

export async function unusedBackupCodes(db: Queryable, id: number): Promise<string[]> {
  const rows = await db.all<{ code_hash: string }>('SELECT code_hash FROM staff_backup_codes WHERE staff_id = ? AND used_at IS NULL', [id]);
  return rows.map((r) => r.code_hash);
}

export async function useBackupCode(db: Queryable, id: number, hash: string, now: number): Promise<void> {
  await db.run('UPDATE staff_backup_codes SET used_at = ? WHERE staff_id = ? AND code_hash = ?', [now, id, hash]);
}
