/**
 * People and accounts record their own entries (records.ts `own`): each change commits with its
 * entry or not at all. A temporary trigger on the vault's connection refuses the audit insert for
 * one action; through the real router (real vault, SQLCipher, keychain) the change then fails with
 * `audit_failed` and leaves the vault as it was. With the trigger gone, the same call succeeds, so
 * it was the entry, not the input, that stopped it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { AccessOverview, BackupCodes, ChannelName, Result, StaffMember, TotpEnrolment } from '../../contract';
import { createRouter, type Router } from '../../ipc/router';
import { testContext } from '../../ipc/testing';
import { tempDir } from '../db/testing';
import { systemKeychain } from '../keys/keychain';
import { totpAt } from '../keys/totp';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { VaultService } from '../service';
import { FAST_KDF } from '../testing';

const ORIGIN = 'app://brankas';
const OWNER_PASSWORD = 'kopi-susu-gula-aren-42';
const NEXT_PASSWORD = 'hujan-deras-di-bulan-juni-58';
const DEWI = { name: 'Dewi Lestari', password: 'sepeda-tua-ke-pasar-77', role: 'staff', reason: 'Kasir pagi' };

let dir: string;
let vault: VaultService;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};

/** From now on, appending an entry for `action` fails inside whatever transaction tries it. */
const refuse = (action: string) =>
  vault.db().exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
const allow = () => vault.db().exec('DROP TRIGGER IF EXISTS temp.refuse');

/** The vault's people and the trail's length: what a refused change must leave as it was. */
async function snapshot() {
  const db = vault.db();
  return {
    staff: await db.all('SELECT * FROM staff ORDER BY id'),
    codes: await db.all('SELECT * FROM staff_backup_codes ORDER BY staff_id, code_hash'),
    meta: await db.all("SELECT key, value FROM meta WHERE key = 'access_review_at'"),
    entries: (await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n,
  };
}

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: OWNER_PASSWORD }));
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

describe('staff.* when the entry cannot be written', () => {
  it('staff.create: audit_failed, and no account was made', async () => {
    const before = await snapshot();
    await refuse('staff.create');
    expect(await call('staff.create', DEWI)).toEqual({ ok: false, error: { code: 'audit_failed' } });
    expect(await snapshot()).toEqual(before);
    expect((await value<AccessOverview>(call('staff.list'))).people.map((p) => p.name)).toEqual(['Ibu Sari']);
    // Nobody can sign in as the account that was refused.
    await value(call('vault.lock'));
    const locked = vault.status();
    expect(locked.state === 'locked' ? locked.people.map((p) => p.name) : locked.state).toEqual(['Ibu Sari']);
    await value(call('vault.signIn', { staffId: 1, password: OWNER_PASSWORD }));
    await allow();
    expect(await value<StaffMember>(call('staff.create', DEWI))).toMatchObject({ name: DEWI.name, role: 'staff' });
  });

  it('staff.update (disable): the account stays active; staff.resetPassword: the old password still works', async () => {
    const dewi = await value<StaffMember>(call('staff.create', DEWI));
    const before = await snapshot();
    await refuse('staff.update');
    expect(await call('staff.update', { id: dewi.id, status: 'disabled' })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    await allow();
    await refuse('staff.passwordReset');
    expect(await call('staff.resetPassword', { id: dewi.id, password: NEXT_PASSWORD })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    expect(await snapshot()).toEqual(before);
    await value(call('vault.lock'));
    await value(call('vault.signIn', { staffId: dewi.id, password: DEWI.password }));
  });

  it('staff.review: no decision and no review mark is kept when one entry is refused', async () => {
    const dewi = await value<StaffMember>(call('staff.create', DEWI));
    const joko = await value<StaffMember>(call('staff.create', { ...DEWI, name: 'Joko Susilo', reason: 'Kasir sore' }));
    const before = await snapshot();
    await refuse('staff.review');
    const review = {
      decisions: [
        { id: dewi.id, decision: 'confirm', role: 'viewer', reason: 'Hanya melihat' },
        { id: joko.id, decision: 'disable', reason: 'Sudah keluar' },
      ],
    };
    expect(await call('staff.review', review)).toEqual({ ok: false, error: { code: 'audit_failed' } });
    expect(await snapshot()).toEqual(before);
    await allow();
    const done = await value<AccessOverview>(call('staff.review', review));
    expect(done.people.find((p) => p.id === joko.id)?.status).toBe('disabled');
    expect(done.people.find((p) => p.id === dewi.id)?.role).toBe('viewer');
  });
});

describe('account.* when the entry cannot be written', () => {
  it('account.changePassword: audit_failed, and the old password still signs in', async () => {
    await refuse('auth.passwordChanged');
    expect(await call('account.changePassword', { current: OWNER_PASSWORD, next: NEXT_PASSWORD })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    await value(call('vault.lock'));
    expect(await call('vault.signIn', { staffId: 1, password: NEXT_PASSWORD })).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    await value(call('vault.signIn', { staffId: 1, password: OWNER_PASSWORD }));
  });

  it('account.confirmTotp: when the backup codes cannot be recorded, two-factor is not switched on; the same code works once allowed', async () => {
    const enrolment = await value<TotpEnrolment>(call('account.beginTotp'));
    const secret = enrolment.manualKey.replace(/\s/g, '');
    const before = await snapshot();
    await refuse('auth.backupCodesIssued');
    const code = totpAt(secret, Math.floor(Date.now() / 1000));
    expect(await call('account.confirmTotp', { code })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    expect(await snapshot()).toEqual(before);
    expect(vault.user()?.totpSecret).toBeNull();
    await allow();
    expect((await value<BackupCodes>(call('account.confirmTotp', { code }))).codes.length).toBeGreaterThan(0);

    // Turning it off again and new codes: refused, nothing changes.
    const enrolled = await snapshot();
    await refuse('auth.totpDisabled');
    expect(await call('account.disableTotp', { password: OWNER_PASSWORD })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    await allow();
    await refuse('auth.backupCodesIssued');
    expect(await call('account.newBackupCodes', { password: OWNER_PASSWORD })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    expect(await snapshot()).toEqual(enrolled);
  });
});
