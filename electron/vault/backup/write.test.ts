import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../db/driver';
import { latestVersion } from '../db/migrations';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { fingerprint, vaultErrorOf } from '../testing';
import { deriveBackupKey } from './key';
import { addCustomers, PASSPHRASE, testBackupKey } from './testing';
import { inspectBackup, isBackupFileName, verifyBackupFile } from './verify';
import { backupFileName, shopSlug, writeBackup, type WriteBackupOptions } from './write';

let t: TestDb;
let out: string;
const AT = new Date(2026, 10, 29, 14, 30).getTime();
beforeEach(async () => {
  t = await openTestDb();
  await t.db.exec('PRAGMA cache_size = -65536');
  await t.db.run("INSERT INTO meta (key, value) VALUES ('vault_id', 'v-1')");
  await addCustomers(t.db, 50);
  out = tempDir('brankas-backup-out-');
});
afterEach(async () => {
  await t.cleanup();
  try {
    chmodSync(out, 0o700);
  } catch {
    // gone already
  }
  rmSync(out, { recursive: true, force: true });
});

const opts = async (over: Partial<WriteBackupOptions> = {}): Promise<WriteBackupOptions> => ({
  folder: out,
  key: await testBackupKey(),
  appVersion: '0.1.0',
  vaultId: 'v-1',
  shopName: 'Toko Sari Rasa',
  now: () => AT,
  ...over,
});

describe('backup file names', () => {
  it('are Brankas-<ascii shop>-YYYY-MM-DD-HHmm.brankas in local time', () => {
    const at = new Date(2026, 10, 29, 14, 5);
    expect(backupFileName('Toko Sari Rasa', at)).toBe('Brankas-Toko-Sari-Rasa-2026-11-29-1405.brankas');
    expect(backupFileName('Café «Ñusa» / Kopi: 2*', at)).toBe('Brankas-Cafe-Nusa-Kopi-2-2026-11-29-1405.brankas');
    expect(backupFileName('東京', at)).toBe('Brankas-2026-11-29-1405.brankas');
    expect(backupFileName(null, at)).toBe('Brankas-2026-11-29-1405.brankas');
    expect(shopSlug('x'.repeat(100))).toHaveLength(40);
    expect(isBackupFileName('Brankas-2026-11-29-1405.brankas')).toBe(true);
    expect(isBackupFileName('.Brankas-2026-11-29-1405.brankas.ab12.partial')).toBe(false);
    expect(isBackupFileName('.Brankas.brankas')).toBe(false);
  });
});

describe('writeBackup', () => {
  it('writes a verified standard SQLCipher file with the data and its metadata, and nothing else', async () => {
    await t.db.exec("INSERT INTO staff (name, role, password_hash, access_reason, created_at, updated_at, last_reviewed_at) VALUES ('Sari', 'owner', 'h', '', 1, 1, 1)");
    const progress: { done: number; total: number | null }[] = [];
    const r = await writeBackup(t.db, await opts({ onProgress: (p) => progress.push(p) }));
    expect(r.fileName).toBe('Brankas-Toko-Sari-Rasa-2026-11-29-1430.brankas');
    expect(r.path).toBe(join(out, r.fileName));
    expect(r.counts).toEqual({ customers: 50, purchases: 0, staff: 1, auditEntries: 0 });
    expect(r.bytes).toBe(statSync(r.path).size);
    expect(readdirSync(out)).toEqual([r.fileName]);
    expect(progress.at(-1)).toEqual({ done: progress.at(-1)?.total, total: progress.at(-1)?.total });
    const key = await testBackupKey();
    expect(readFileSync(r.path).subarray(0, 16).equals(key.salt)).toBe(true);
    // No customer value in plaintext.
    expect(readFileSync(r.path).includes(Buffer.from('Pelanggan 7'))).toBe(false);
    const info = await inspectBackup(r.path, { passphrase: PASSPHRASE });
    expect(info).toEqual({
      fileName: r.fileName,
      createdAt: AT,
      appVersion: '0.1.0',
      schemaVersion: latestVersion(),
      vaultId: 'v-1',
      shopName: 'Toko Sari Rasa',
      counts: r.counts,
      bytes: r.bytes,
      erasedAgain: 0,
    });
    expect(await inspectBackup(r.path, { key })).toEqual(info);
    // The vault's connection is as it was: nothing attached.
    expect((await t.db.all<{ name: string }>('PRAGMA database_list')).map((d) => d.name)).toEqual(['main']);
  });

  it('the lighter checks (quick_check, page HMACs only) write the same verified file', async () => {
    for (const check of ['quick', 'pages'] as const) {
      const r = await writeBackup(t.db, await opts({ check }));
      expect((await inspectBackup(r.path, { passphrase: PASSPHRASE })).counts.customers).toBe(50);
    }
  });

  it('a second backup in the same minute replaces the first, atomically', async () => {
    const a = await writeBackup(t.db, await opts());
    await addCustomers(t.db, 3, 'Baru');
    const b = await writeBackup(t.db, await opts());
    expect(b.path).toBe(a.path);
    expect(readdirSync(out)).toEqual([b.fileName]);
    expect((await inspectBackup(b.path, { passphrase: PASSPHRASE })).counts.customers).toBe(53);
  });

  it('a missing folder is folder_missing, a read-only one read_only, and no file is left', async () => {
    expect((await vaultErrorOf(writeBackup(t.db, await opts({ folder: join(out, 'gone') })))).code).toBe('folder_missing');
    const file = join(out, 'file');
    writeFileSync(file, 'x');
    expect((await vaultErrorOf(writeBackup(t.db, await opts({ folder: file })))).code).toBe('folder_missing');
    rmSync(file);
    if (process.getuid?.() !== 0) {
      chmodSync(out, 0o500);
      expect((await vaultErrorOf(writeBackup(t.db, await opts()))).code).toBe('read_only');
      chmodSync(out, 0o700);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('a folder that goes away mid-way is folder_missing and leaves nothing behind', async () => {
    const sub = join(out, 'usb');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    const err = await vaultErrorOf(
      writeBackup(t.db, await opts({ folder: sub, onProgress: (p) => p.done === 0 && rmSync(sub, { recursive: true, force: true }) })),
    );
    expect(['folder_missing']).toContain(err.code);
    expect(readdirSync(out)).toEqual([]);
    expect((await t.db.all<{ name: string }>('PRAGMA database_list')).map((d) => d.name)).toEqual(['main']);
  });

  it('cancelling removes the partial file; nothing looks like a backup', async () => {
    const c = new AbortController();
    c.abort();
    expect((await vaultErrorOf(writeBackup(t.db, await opts({ signal: c.signal })))).code).toBe('cancelled');
    const c2 = new AbortController();
    const err = await vaultErrorOf(writeBackup(t.db, await opts({ signal: c2.signal, onProgress: () => c2.abort() })));
    expect(err.code).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
    expect((await t.db.all<{ name: string }>('PRAGMA database_list')).map((d) => d.name)).toEqual(['main']);
  });
});

describe('writeBackup: the beforeCommit hook (where the audit entry is written)', () => {
  it('runs once the checked file is complete and before it has its name, with what will appear', async () => {
    const calls: { listing: string[]; backup: unknown }[] = [];
    const r = await writeBackup(t.db, await opts({ beforeCommit: async (backup) => void calls.push({ listing: readdirSync(out), backup }) }));
    // Only the partial file so far: the backup's own name is not taken yet.
    expect(calls).toEqual([
      {
        listing: [expect.stringMatching(/^\.Brankas-Toko-Sari-Rasa-.*\.partial$/)],
        backup: { fileName: r.fileName, bytes: statSync(r.path).size, durationMs: r.durationMs, counts: r.counts },
      },
    ]);
  });

  it('if it throws, the partial file goes, no backup appears, and its error reaches the caller unchanged', async () => {
    const refused = new Error('the entry could not be written');
    await expect(writeBackup(t.db, await opts({ beforeCommit: () => Promise.reject(refused) }))).rejects.toBe(refused);
    expect(readdirSync(out)).toEqual([]);
    expect((await t.db.all<{ name: string }>('PRAGMA database_list')).map((d) => d.name)).toEqual(['main']);
  });
});

describe('inspectBackup refuses, changing nothing', () => {
  let good: string;
  beforeEach(async () => {
    good = (await writeBackup(t.db, await opts())).path;
  });
  const codeFor = async (path: string, secret: Parameters<typeof inspectBackup>[1] = { passphrase: PASSPHRASE }) => {
    const before = fingerprint(out);
    const err = await vaultErrorOf(inspectBackup(path, secret));
    expect(fingerprint(out)).toEqual(before);
    return err.code;
  };

  it('a wrong passphrase, or a key of another passphrase', async () => {
    expect(await codeFor(good, { passphrase: 'salah' })).toBe('wrong_passphrase');
    expect(await codeFor(good, { key: await deriveBackupKey(PASSPHRASE) })).toBe('wrong_passphrase');
  });

  it('foreign files: plain SQLite, random bytes, a text file, a vault file, a partial, a folder, a missing file', async () => {
    const plain = join(out, 'plain.brankas');
    const p = await openDb(join(out, 'plain.tmp'), '0'.repeat(64), { create: true });
    await p.close();
    // A real plaintext SQLite file (the driver always keys, so build the header by hand).
    writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), randomBytes(4080)]));
    rmSync(join(out, 'plain.tmp'), { force: true });
    expect(await codeFor(plain)).toBe('not_a_backup');
    const rnd = join(out, 'random.brankas');
    writeFileSync(rnd, randomBytes(10_000));
    expect(await codeFor(rnd)).toBe('not_a_backup');
    const txt = join(out, 'notes.brankas');
    writeFileSync(txt, 'just some text\n');
    expect(await codeFor(txt)).toBe('not_a_backup');
    const vaultCopy = join(out, 'vault.db');
    copyFileSync(t.path, vaultCopy);
    expect(await codeFor(vaultCopy)).toBe('not_a_backup');
    // Renamed to look like a backup, a vault is just an encrypted file with another key.
    const renamed = join(out, 'vault.brankas');
    copyFileSync(t.path, renamed);
    expect(['wrong_passphrase', 'not_a_backup']).toContain(await codeFor(renamed));
    const partial = join(out, `.${good.split('/').at(-1)}.0000.partial`);
    copyFileSync(good, partial);
    expect(await codeFor(partial)).toBe('not_a_backup');
    expect(await codeFor(join(out, 'missing.brankas'))).toBe('not_found');
  });

  it('a SQLCipher file of another app keyed with the same passphrase', async () => {
    const key = await testBackupKey();
    const other = join(out, 'other.brankas');
    const db = await openDb(':memory:', '1'.repeat(64), { create: true });
    await db.run(`ATTACH DATABASE ? AS o KEY "x'${key.key.toString('hex')}${key.salt.toString('hex')}'"`, [other]);
    await db.exec('CREATE TABLE o.notes (t TEXT); INSERT INTO o.notes VALUES (1);');
    await db.run('DETACH DATABASE o');
    await db.close();
    expect(await codeFor(other)).toBe('not_a_backup');
  });

  it('a backup from a newer schema is backup_too_new', async () => {
    const key = await testBackupKey();
    const db = await openDb(':memory:', '1'.repeat(64), { create: true });
    await db.run(`ATTACH DATABASE ? AS b KEY "x'${key.key.toString('hex')}${key.salt.toString('hex')}'"`, [good]);
    await db.exec(`PRAGMA b.user_version = ${latestVersion() + 1}; UPDATE b.brankas_backup SET value = '${latestVersion() + 1}' WHERE key = 'schema_version';`);
    await db.run('DETACH DATABASE b');
    await db.close();
    expect(await codeFor(good)).toBe('backup_too_new');
  });

  it('truncated, a flipped byte, and metadata that does not match the data are corrupt_backup', async () => {
    const size = statSync(good).size;
    const cut = join(out, 'cut.brankas');
    copyFileSync(good, cut);
    truncateSync(cut, size - 4096 * 3);
    expect(await codeFor(cut)).toBe('corrupt_backup');
    const cutOdd = join(out, 'cut-odd.brankas');
    copyFileSync(good, cutOdd);
    truncateSync(cutOdd, size - 1000);
    expect(['corrupt_backup', 'not_a_backup']).toContain(await codeFor(cutOdd));
    const flipped = join(out, 'flip.brankas');
    const bytes = readFileSync(good);
    bytes[size - 2000] = (bytes[size - 2000] ?? 0) ^ 0xff;
    writeFileSync(flipped, bytes);
    expect(await codeFor(flipped)).toBe('corrupt_backup');
    const key = await testBackupKey();
    const db = await openDb(':memory:', '1'.repeat(64), { create: true });
    await db.run(`ATTACH DATABASE ? AS b KEY "x'${key.key.toString('hex')}${key.salt.toString('hex')}'"`, [good]);
    await db.exec("UPDATE b.brankas_backup SET value = '49' WHERE key = 'customers'");
    await db.run('DETACH DATABASE b');
    await db.close();
    expect(await codeFor(good)).toBe('corrupt_backup');
  });

  it('verifyBackupFile checks a file of any name (the writer verifies its partial this way)', async () => {
    const renamed = join(out, 'x.bin');
    copyFileSync(good, renamed);
    expect((await verifyBackupFile(renamed, { passphrase: PASSPHRASE })).info.counts.customers).toBe(50);
  });
});
