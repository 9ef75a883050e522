/**
 * The router against a real vault (SQLCipher file, OS keychain): sender check, strict input,
 * state check, results not exceptions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { channelNames, type ChannelName, type Result } from '../contract';
import { tempDir } from '../vault/db/testing';
import { systemKeychain } from '../vault/keys/keychain';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { createRouter, type Router, type Sender } from './router';
import { testContext } from './testing';

const ORIGIN = 'app://brankas';
const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const PASSWORD = 'kopi-susu-gula-aren-42';

let dir: string;
let vault: VaultService;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}, sender: Sender = APP) => router.handle(sender, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value as T;
};
const errorOf = async (p: Promise<Result<unknown>>) => {
  const r = await p;
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.error;
};

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  await vault.init();
  router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

const createAndUnlock = () => value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));

describe('sender check', () => {
  it('refuses sub-frames, other origins and unparseable URLs before anything else', async () => {
    for (const sender of [
      { url: `${ORIGIN}/index.html`, isMainFrame: false },
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
      { url: '', isMainFrame: false },
    ]) {
      expect(await router.handle(sender, 'vault.status', {})).toEqual({ ok: false, error: { code: 'bad_sender' } });
    }
  });

  it('refuses unknown channels, including prototype keys', async () => {
    for (const ch of ['vault.nope', 'constructor', '__proto__', 'toString', 42, null]) {
      expect(await router.handle(APP, ch, {})).toEqual({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
});

describe('input validation', () => {
  it('every channel rejects malformed input with invalid_input, never a crash', async () => {
    await createAndUnlock();
    const bad: unknown[] = [null, 'text', 42, [], { unexpected: true }, { id: 'x', query: 5, password: {}, customer: [] }];
    for (const name of channelNames) {
      for (const input of bad) {
        const r = await router.handle(APP, name, input);
        expect(r, `${name} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
    }
  });

  it('reports field-level codes', async () => {
    await createAndUnlock();
    const err = await errorOf(call('customers.save', { customer: { name: '', phone: 'x'.repeat(41), extra: 1 } }));
    expect(err).toEqual({ code: 'invalid_input', fields: { 'customer.name': 'required', 'customer.phone': 'too_long', 'customer.extra': 'invalid_value' } });
  });

  it('normalisation problems come back per field from the service', async () => {
    await createAndUnlock();
    const err = await errorOf(call('customers.save', { customer: { name: 'Budi', phone: '12', email: 'budi@' } }));
    expect(err?.code).toBe('invalid_input');
    expect(err?.fields).toMatchObject({ phone: 'invalid_phone', email: 'invalid_email' });
    expect((await value<{ total: number }>(call('customers.search', { query: '', offset: 0, limit: 10 }))).total).toBe(0);
  });
});

describe('state check', () => {
  const dataChannels: [ChannelName, unknown][] = [
    ['customers.search', { query: '', offset: 0, limit: 10 }],
    ['customers.get', { id: 1 }],
    ['customers.save', { customer: { name: 'Budi' } }],
    ['customers.remove', { id: 1 }],
    ['settings.save', { idleLockMinutes: 5 }],
    ['vault.newRecoveryCode', {}],
  ];

  it('data channels answer no_vault before a vault exists', async () => {
    for (const [ch, input] of dataChannels) expect(await errorOf(call(ch, input)), ch).toEqual({ code: 'no_vault' });
  });

  it('data channels refuse while locked, and work again after sign-in', async () => {
    await createAndUnlock();
    await value(call('vault.lock'));
    for (const [ch, input] of dataChannels) expect(await errorOf(call(ch, input)), ch).toEqual({ code: 'locked' });
    expect(await errorOf(call('vault.signIn', { staffId: 1, password: 'wrong-password-123' }))).toEqual({ code: 'wrong_password' });
    expect(vault.status().state).toBe('locked');
    await value(call('vault.signIn', { staffId: 1, password: PASSWORD }));
    expect((await value<{ total: number }>(call('customers.search', { query: '', offset: 0, limit: 10 }))).total).toBe(0);
  });

  it('the restore-before-sign-in channels answer while no vault can be opened, and refuse while one is open', async () => {
    const reopen = async () => {
      await vault.close();
      vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
      router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
      return vault.init();
    };
    // Let through (an unknown file id is the handler's own answer), or refused by the state check.
    const firstRun = async () => {
      const input = { fileId: randomUUID(), passphrase: 'kata sandi cadangan' };
      return [(await errorOf(call('restore.inspectFirstRun', input)))?.code, (await errorOf(call('restore.runFirstRun', input)))?.code];
    };
    expect(await firstRun()).toEqual(['file_expired', 'file_expired']);
    await createAndUnlock();
    expect(await firstRun()).toEqual(['vault_exists', 'vault_exists']);
    expect(await errorOf(call('restore.openFirstRun'))).toEqual({ code: 'vault_exists' });
    await value(call('vault.lock'));
    expect(await firstRun()).toEqual(['vault_exists', 'vault_exists']);

    // A file that is no vault at all (the key still in the keychain): unavailable.
    writeFileSync(vaultPaths(dir).vault, 'SQLite format 3\0'.padEnd(8192, 'x'));
    expect((await reopen()).state).toBe('unavailable');
    expect(await firstRun()).toEqual(['file_expired', 'file_expired']);
    // The other restore channels still need a signed-in person.
    expect(await errorOf(call('restore.run', { fileId: randomUUID(), passphrase: 'kata sandi cadangan' }))).toEqual({ code: 'locked' });

    // The keychain entry gone as well: needs_recovery.
    await systemKeychain().remove(readRecoveryFile(vaultPaths(dir))?.vaultId ?? '');
    expect((await reopen()).state).toBe('needs_recovery');
    expect(await firstRun()).toEqual(['file_expired', 'file_expired']);
    expect(await errorOf(call('vault.create', { ownerName: 'X', password: PASSWORD }))).toEqual({ code: 'vault_exists' });
  });

  it('cannot create a second vault over the first', async () => {
    await createAndUnlock();
    expect(await errorOf(call('vault.create', { ownerName: 'X', password: PASSWORD }))).toEqual({ code: 'vault_exists' });
  });
});

describe('a full round trip through the router', () => {
  it('creates, finds, edits and deletes a customer; errors carry only a code', async () => {
    const issue = await createAndUnlock();
    expect(issue).toMatchObject({ groups: expect.any(Array), challenge: expect.any(Array) });
    const saved = await value<{ id: number; phone: string }>(
      call('customers.save', { customer: { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' } }),
    );
    expect(saved.phone).toBe('+6281234567890');
    const found = await value<{ total: number; items: { id: number }[] }>(call('customers.search', { query: '812 34', offset: 0, limit: 10 }));
    expect(found.items.map((c) => c.id)).toEqual([saved.id]);
    await value(call('customers.save', { id: saved.id, customer: { name: 'Budi S.', city: 'Bogor' } }));
    expect(await value(call('customers.get', { id: saved.id }))).toMatchObject({ name: 'Budi S.', city: 'Bogor' });
    expect(await value(call('customers.remove', { id: saved.id }))).toEqual({ id: saved.id });
    const missing = await call('customers.get', { id: saved.id });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(JSON.stringify(missing)).not.toMatch(/stack|Error|SQL/);
  });

  it('an unexpected failure is internal, reported, and carries no detail', async () => {
    const reported: string[] = [];
    await createAndUnlock();
    router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN], onInternalError: (ch) => reported.push(ch) });
    await vault.db().exec('DROP TABLE customers_fts');
    const r = await call('customers.save', { customer: { name: 'Budi' } });
    expect(r).toEqual({ ok: false, error: { code: 'internal' } });
    expect(reported).toEqual(['customers.save']);
  });
});
