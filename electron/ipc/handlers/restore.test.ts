/**
 * restore.* through the router on a real vault and keychain: pick → inspect → restore (new key,
 * new recovery code, session ends) → sign in with the backup's password → undo (the previous
 * vault with the customer added after the backup is back) → restore again → keep (the previous
 * files and keychain entry go). First run on an empty folder and keychain. Failures change nothing.
 * A vault here that cannot be opened (key gone, damaged file, unreadable sidecar) is restored over
 * from the first-run channels; its files are kept, put back byte for byte, or deleted on "keep".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AuditPage, AuditVerification, BackupInfo, BackupStatus, ChannelName, CustomerPage, RecoveryCodeIssue, RestoreOutcome, Result, VaultStatus } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { fingerprint } from '../../vault/testing';
import { PASSPHRASE, testBackupKey } from '../../vault/backup/testing';
import { writeBackup } from '../../vault/backup/write';
import { stageRestore } from '../../vault/backup/restore';
import { readJournal, writeJournal } from '../../vault/backup/swap';
import { createRouter, type Router, type Sender } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const PASSWORD = 'kopi-susu-gula-aren-42';
const KDF = { N: 2 ** 12, r: 8, p: 1 };

const keychain = systemKeychain(`Brankas-test-${randomUUID()}`);
let dirs: string[] = [];
const services: VaultService[] = [];
let dir: string;
let files: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const setup = async (dataDir: string) => {
  const v = new VaultService({ dataDir, keychain, passwordKdf: KDF });
  services.push(v);
  await v.init();
  const c = testContext(v);
  return { v, c, r: createRouter({ context: c, trustedOrigins: [ORIGIN] }) };
};
const on = (r: Router) => (channel: ChannelName, input: unknown = {}) => r.handle(APP, channel, input);
const call = (channel: ChannelName, input: unknown = {}) => on(router)(channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const errorOf = async (p: Promise<Result<unknown>>) => {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error.code;
};
const names = async (c = call) =>
  (await value<CustomerPage>(c('customers.search', { query: '', offset: 0, limit: 100 }))).items.map((x) => x.name).sort();
const signIn = async (c = call) => {
  const s = await value<VaultStatus>(c('vault.status'));
  if (s.state !== 'locked') throw new Error(`expected locked, got ${s.state}`);
  const owner = s.people.find((p) => p.name === 'Ibu Sari');
  await value(c('vault.signIn', { staffId: owner?.id, password: PASSWORD }));
};
const vaultId = (d = dir) => readRecoveryFile(vaultPaths(d))?.vaultId ?? '';

let backupPath: string;
/** The first vault's recovery code (shown once at creation). */
let createdCode: string;
beforeEach(async () => {
  dir = tempDir();
  files = tempDir('brankas-usb-');
  dirs = [dir, files];
  ({ v: vault, c: ctx, r: router } = await setup(dir));
  createdCode = (await value<RecoveryCodeIssue>(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }))).groups.join('');
  await value(call('customers.save', { customer: { name: 'Ani Sebelum' } }));
  await value(call('customers.save', { customer: { name: 'Budi Sebelum' } }));
  const info = vault.openVaultInfo();
  backupPath = (await writeBackup(vault.db(), { folder: files, key: await testBackupKey(), appVersion: '0.1.0', vaultId: info?.vaultId ?? '', shopName: info?.ownerName ?? null })).path;
  // Added after the backup: gone after a restore, back after an undo.
  await value(call('customers.save', { customer: { name: 'Citra Sesudah' } }));
});

afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  for (const id of await keychain.accounts().catch(() => [])) await keychain.remove(id);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const pick = async (path = backupPath, channel: ChannelName = 'restore.open', c = call) => {
  ctx.dialogs.opens.push(path);
  return (await value<{ fileId: string; fileName: string }>(c(channel))).fileId;
};

describe('restore through the router', () => {
  it('restores into a new vault, can be undone, and kept', async () => {
    const before = vaultId();
    const fileId = await pick();
    expect(await errorOf(call('restore.inspect', { fileId, passphrase: 'bukan ini' }))).toBe('wrong_passphrase');
    const info = await value<BackupInfo>(call('restore.inspect', { fileId, passphrase: PASSPHRASE }));
    expect(info).toMatchObject({ fileId, counts: { customers: 2, staff: 1 }, vaultId: before, shopName: 'Ibu Sari', appVersion: '0.1.0' });

    const outcome = await value<RestoreOutcome>(call('restore.run', { fileId, passphrase: PASSPHRASE }));
    expect(outcome.recoveryGroups).toHaveLength(6);
    expect(outcome.previousKept).toBe(true);
    expect((await value<VaultStatus>(call('vault.status'))).state).toBe('locked');
    const restoredId = vaultId();
    expect(restoredId).not.toBe(before);
    expect(await keychain.get(restoredId)).toMatch(/^[0-9a-f]{64}$/);
    expect(await keychain.get(before)).not.toBeNull();
    expect(existsSync(join(dir, 'vault.previous.db'))).toBe(true);
    expect(vault.previousVault()).toMatchObject({ restoredFrom: info.fileName });
    // The picked id is used up.
    expect(await errorOf(call('restore.inspect', { fileId, passphrase: PASSPHRASE }))).toBe('locked');

    await signIn();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
    // The backup it came from is the restored vault's last good backup (not "never backed up").
    expect(await value<BackupStatus>(call('backup.status'))).toMatchObject({ lastSuccessAt: info.createdAt, lastFileName: info.fileName });
    // The trail came along, re-sealed under the new key, with the restore on it.
    expect(await value<AuditVerification>(call('audit.verify'))).toMatchObject({ ok: true });
    const trail = await value<AuditPage>(call('audit.list', { limit: 100 }));
    expect(trail.entries.some((e) => e.action === 'backup.restore' && e.actorName === 'system' && e.details.by === 'Ibu Sari')).toBe(true);
    // A second restore waits for the decision on the first.
    const again = await pick();
    expect(await errorOf(call('restore.run', { fileId: again, passphrase: PASSPHRASE }))).toBe('restore_pending');

    // Undo: the previous vault (with the customer added after the backup) is back.
    expect((await value<VaultStatus>(call('restore.undo'))).state).toBe('locked');
    expect(vaultId()).toBe(before);
    expect(await keychain.get(restoredId)).toBeNull();
    expect(readdirSync(dir).filter((f) => /previous|restored|restore\.json/.test(f))).toEqual([]);
    await signIn();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum', 'Citra Sesudah']);
    expect(await value<AuditVerification>(call('audit.verify'))).toMatchObject({ ok: true });

    // Restore again and keep it: the previous vault's files and key go for real.
    const third = await pick();
    await value(call('restore.run', { fileId: third, passphrase: PASSPHRASE }));
    await signIn();
    const status = await value<VaultStatus>(call('restore.confirm'));
    expect(status.state).toBe('unlocked');
    expect(vault.previousVault()).toBeNull();
    expect(await keychain.get(before)).toBeNull();
    expect(readdirSync(dir).filter((f) => /previous|restored|restore\.json/.test(f))).toEqual([]);
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
    expect(await errorOf(call('restore.undo'))).toBe('conflict');
    // It opens again after a restart, from this machine's keychain.
    await vault.close();
    const next = await setup(dir);
    expect((await next.v.init()).state).toBe('locked');
  });

  it('a wrong passphrase, a damaged or a foreign file changes nothing', async () => {
    const bad = join(files, 'Brankas-damaged.brankas');
    copyFileSync(backupPath, bad);
    truncateSync(bad, statSync(bad).size - 8192);
    const foreign = join(files, 'vault-copy.db');
    copyFileSync(vaultPaths(dir).vault, foreign);
    const before = fingerprint(dir);
    const keys = (await keychain.accounts()).sort();
    expect(await errorOf(call('restore.run', { fileId: await pick(), passphrase: 'bukan ini' }))).toBe('wrong_passphrase');
    expect(await errorOf(call('restore.run', { fileId: await pick(bad), passphrase: PASSPHRASE }))).toBe('corrupt_backup');
    expect(await errorOf(call('restore.run', { fileId: await pick(foreign), passphrase: PASSPHRASE }))).toBe('not_a_backup');
    expect(await errorOf(call('restore.inspect', { fileId: randomUUID(), passphrase: PASSPHRASE }))).toBe('file_expired');
    ctx.dialogs.opens.push(null);
    expect(await value(call('restore.open'))).toBeNull();
    expect(fingerprint(dir)).toEqual(before);
    expect((await keychain.accounts()).sort()).toEqual(keys);
    expect((await value<VaultStatus>(call('vault.status'))).state).toBe('unlocked');
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum', 'Citra Sesudah']);
  });

  it('reports progress, and a restore cancelled while it builds the new vault changes nothing', async () => {
    const before = fingerprint(dir);
    const keys = (await keychain.accounts()).sort();
    const fileId = await pick();
    const running = call('restore.run', { fileId, passphrase: PASSPHRASE });
    while (!ctx.events.some((e) => e.event === 'job.progress' && (e.payload as { job: string }).job === 'restore')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await value(call('restore.cancel'))).toEqual({ cancelled: true });
    expect(await errorOf(running)).toBe('cancelled');
    expect(fingerprint(dir)).toEqual(before);
    expect((await keychain.accounts()).sort()).toEqual(keys);
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum', 'Citra Sesudah']);

    // Not cancelled: progress runs from 0 to 100 % of the job.
    ctx.events.length = 0;
    await value(call('restore.run', { fileId: await pick(), passphrase: PASSPHRASE }));
    const progress = ctx.events.filter((e) => e.event === 'job.progress').map((e) => e.payload as { job: string; done: number; total: number });
    expect(progress[0]).toEqual({ job: 'restore', done: 0, total: 100 });
    expect(progress.at(-1)).toEqual({ job: 'restore', done: 100, total: 100 });
    expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true);
  });

  it('only roles with backup.manage may restore', async () => {
    await value(call('staff.create', { name: 'Kasir Dedi', role: 'staff', password: 'mangga-harum-manis-kuning-93', reason: 'kasir' }));
    await value(call('vault.lock'));
    const s = await value<VaultStatus>(call('vault.status'));
    const dedi = s.state === 'locked' ? s.people.find((p) => p.name === 'Kasir Dedi') : undefined;
    await value(call('vault.signIn', { staffId: dedi?.id, password: 'mangga-harum-manis-kuning-93' }));
    expect(await errorOf(call('restore.open'))).toBe('forbidden');
    expect(await errorOf(call('restore.run', { fileId: randomUUID(), passphrase: PASSPHRASE }))).toBe('forbidden');
  });

  it('on a new PC: empty data folder and keychain, restore from the file before any sign-in', async () => {
    const home = tempDir('brankas-newpc-');
    dirs.push(home);
    // The app's data folder does not exist yet on a new PC.
    const fresh = join(home, 'Brankas');
    const pc = await setup(fresh);
    ctx = pc.c;
    const c = on(pc.r);
    expect(await errorOf(c('restore.open'))).toBe('no_vault');
    const fileId = await pick(backupPath, 'restore.openFirstRun', c);
    expect((await value<BackupInfo>(c('restore.inspectFirstRun', { fileId, passphrase: PASSPHRASE }))).counts.customers).toBe(2);
    const outcome = await value<RestoreOutcome>(c('restore.runFirstRun', { fileId, passphrase: PASSPHRASE }));
    expect(outcome.previousKept).toBe(false);
    expect(readdirSync(fresh).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['vault.db', 'vault.recovery.json']);
    await signIn(c);
    expect(await names(c)).toEqual(['Ani Sebelum', 'Budi Sebelum']);
    expect(pc.v.previousVault()).toBeNull();
    // The recovery code shown once opens it where the keychain does not have the key.
    await pc.v.close();
    await keychain.remove(vaultId(fresh));
    const later = await setup(fresh);
    expect((await later.v.init()).state).toBe('needs_recovery');
    expect((await later.v.recover({ recoveryCode: outcome.recoveryGroups.join('') })).state).toBe('locked');
  });
});

/** Files of a kept previous vault, named as they were before the swap (to compare with a fingerprint). */
const previousAsLive = (d = dir): Record<string, string> =>
  Object.fromEntries(
    readdirSync(d)
      .filter((f) => f.startsWith('vault.previous.'))
      .map((f) => [f.replace('vault.previous.', 'vault.'), createHash('sha256').update(readFileSync(join(d, f))).digest('hex')]),
  );
/** The data folder without what a restore adds or moves aside (the journal, the previous vault). */
const leftovers = (d = dir) => readdirSync(d).filter((f) => /previous|restored|restore\.json/.test(f));

/** The vault here, closed, then made unopenable; a fresh service (and router) on the folder. */
async function unopenable(damage: () => void | Promise<void>) {
  await vault.close();
  await damage();
  const pc = await setup(dir);
  ctx = pc.c;
  vault = pc.v;
  router = pc.r;
  return pc.v.status();
}
const dropKey = async () => void (await keychain.remove(vaultId()));
/** Random bytes over page 1 after its salt, and over page 3: the key still checks out, the file does not. */
function corruptPages(): void {
  const fd = openSync(vaultPaths(dir).vault, 'r+');
  try {
    writeSync(fd, randomBytes(4096 - 16), 0, 4096 - 16, 16);
    writeSync(fd, randomBytes(4096), 0, 4096, 2 * 4096);
  } finally {
    closeSync(fd);
  }
}

describe('restore when the vault here cannot be opened', () => {
  const restoreFirstRun = async () => {
    const fileId = await pick(backupPath, 'restore.openFirstRun');
    expect((await value<BackupInfo>(call('restore.inspectFirstRun', { fileId, passphrase: PASSPHRASE }))).counts.customers).toBe(2);
    return value<RestoreOutcome>(call('restore.runFirstRun', { fileId, passphrase: PASSPHRASE }));
  };

  it('needs_recovery (keychain entry gone): restored, the old files kept; put back → needs_recovery, the code still opens it; keep deletes them', async () => {
    const before = vaultId();
    expect(await unopenable(dropKey)).toMatchObject({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    const files = fingerprint(dir);
    expect(await errorOf(call('restore.open'))).toBe('locked');

    const outcome = await restoreFirstRun();
    expect(outcome.previousKept).toBe(true);
    expect((await value<VaultStatus>(call('vault.status'))).state).toBe('locked');
    const restoredId = vaultId();
    expect(restoredId).not.toBe(before);
    expect(previousAsLive()).toEqual(files);
    expect(readJournal(dir)).toMatchObject({ phase: 'pending', previousVaultId: before });
    await value(call('restore.confirmCode', { answers: outcome.challenge.map((i) => outcome.recoveryGroups[i]) }));
    await signIn();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
    // The restore is on the restored vault's trail (nothing can be written to the unopenable one).
    const trail = await value<AuditPage>(call('audit.list', { limit: 100 }));
    expect(trail.entries.find((e) => e.action === 'backup.restore')?.details).toMatchObject({ previousKept: true, replacedUnopenable: 'needs_recovery', replacedReason: 'key_missing' });
    expect(await value<AuditVerification>(call('audit.verify'))).toMatchObject({ ok: true });

    // Put back: the same unopenable vault, byte for byte; the recovery code found later still opens it.
    expect(await value<VaultStatus>(call('restore.undo'))).toMatchObject({ state: 'needs_recovery', recoveryAvailable: true });
    expect(fingerprint(dir)).toEqual(files);
    expect(await keychain.get(restoredId)).toBeNull();
    expect((await value<VaultStatus>(call('vault.recover', { recoveryCode: createdCode }))).state).toBe('locked');
    await signIn();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum', 'Citra Sesudah']);

    // Unopenable again, restored again, and kept: the old files go.
    await unopenable(dropKey);
    await restoreFirstRun();
    await signIn();
    expect((await value<VaultStatus>(call('restore.confirm'))).state).toBe('unlocked');
    expect(leftovers()).toEqual([]);
    expect(await keychain.get(before)).toBeNull();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
  });

  it('a damaged vault file (unavailable, corrupt_vault): restored, put back byte for byte, restored and kept', async () => {
    const before = vaultId();
    expect(await unopenable(corruptPages)).toEqual({ state: 'unavailable', reason: 'corrupt_vault' });
    const files = fingerprint(dir);

    const outcome = await restoreFirstRun();
    expect(outcome.previousKept).toBe(true);
    expect(previousAsLive()).toEqual(files);
    await signIn();
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
    const trail = await value<AuditPage>(call('audit.list', { limit: 100 }));
    expect(trail.entries.find((e) => e.action === 'backup.restore')?.details).toMatchObject({ replacedUnopenable: 'unavailable', replacedReason: 'corrupt_vault' });

    expect(await value<VaultStatus>(call('restore.undo'))).toEqual({ state: 'unavailable', reason: 'corrupt_vault' });
    expect(fingerprint(dir)).toEqual(files);
    expect(await keychain.accounts()).toEqual([before]);

    await restoreFirstRun();
    await signIn();
    await value(call('restore.confirm'));
    expect(leftovers()).toEqual([]);
    // The damaged vault's key went with it; only the restored vault's is left.
    expect(await keychain.accounts()).toEqual([vaultId()]);
    expect(await names()).toEqual(['Ani Sebelum', 'Budi Sebelum']);
  });

  it('an unreadable recovery sidecar and no key: the previous vault has no known id; put back and keep still work', async () => {
    const sidecar = vaultPaths(dir).recovery;
    expect(
      await unopenable(async () => {
        await dropKey();
        writeFileSync(sidecar, '{ not json');
      }),
    ).toMatchObject({ state: 'needs_recovery', recoveryAvailable: false });
    const files = fingerprint(dir);
    await restoreFirstRun();
    expect(readJournal(dir)).toMatchObject({ phase: 'pending', previousVaultId: null });
    expect(previousAsLive()).toEqual(files);
    await signIn();
    expect(await value<VaultStatus>(call('restore.undo'))).toMatchObject({ state: 'needs_recovery', recoveryAvailable: false });
    expect(fingerprint(dir)).toEqual(files);
    expect(await keychain.accounts()).toEqual([]);

    await restoreFirstRun();
    await signIn();
    await value(call('restore.confirm'));
    expect(leftovers()).toEqual([]);
    expect(await keychain.accounts()).toEqual([vaultId()]);
  });

  it('a swap interrupted half-way (journal at swapping) is rolled forward on the next start, the old files kept', async () => {
    const before = vaultId();
    await unopenable(dropKey);
    const files = fingerprint(dir);
    await vault.close();
    // What VaultService.restore does, stopped after the live vault.db moved aside.
    const { journal } = await stageRestore({
      dataDir: dir,
      backupPath,
      secret: { passphrase: PASSPHRASE },
      keychain,
      recoveryCode: 'A'.repeat(30),
      previousVaultId: before,
      now: () => 1000,
      recoveryKdf: KDF,
    });
    writeJournal(dir, { ...journal, phase: 'swapping' });
    renameSync(vaultPaths(dir).vault, join(dir, 'vault.previous.db'));

    const next = await setup(dir);
    expect(next.v.status().state).toBe('locked');
    expect(next.v.previousVault()).not.toBeNull();
    expect(vaultId()).toBe(journal.newVaultId);
    expect(previousAsLive()).toEqual(files);
    expect(await next.v.undoRestore()).toMatchObject({ state: 'needs_recovery' });
    expect(fingerprint(dir)).toEqual(files);
    expect(await keychain.accounts()).toEqual([]);
  });
});
