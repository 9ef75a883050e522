import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { VaultError } from '../errors';
import { isKeychainUnavailableMessage, KEYCHAIN_SERVICE, systemKeychain } from './keychain';

// Needs a running Secret Service: run after `. /tmp/kr/env.sh` (or under dbus-run-session + gnome-keyring).
const keychain = systemKeychain();
const created: string[] = [];
afterEach(async () => {
  for (const id of created.splice(0)) await keychain.remove(id);
});

describe('systemKeychain (real keytar)', () => {
  it('stores, lists, reads and removes a key under service "Brankas"', async () => {
    expect(KEYCHAIN_SERVICE).toBe('Brankas');
    const id = randomUUID();
    const keyHex = randomBytes(32).toString('hex');
    created.push(id);
    expect(await keychain.get(id)).toBeNull();
    await keychain.set(id, keyHex);
    expect(await keychain.get(id)).toBe(keyHex);
    expect(await keychain.accounts()).toContain(id);
    const replacement = randomBytes(32).toString('hex');
    await keychain.set(id, replacement);
    expect(await keychain.get(id)).toBe(replacement);
    expect(await keychain.remove(id)).toBe(true);
    expect(await keychain.get(id)).toBeNull();
    expect(await keychain.accounts()).not.toContain(id);
    expect(await keychain.remove(id)).toBe(false);
  });

  it('keeps services apart', async () => {
    const id = randomUUID();
    const other = systemKeychain(`Brankas-test-${randomUUID()}`);
    created.push(id);
    await keychain.set(id, 'a'.repeat(64));
    try {
      expect(await other.get(id)).toBeNull();
      expect(await other.accounts()).toEqual([]);
    } finally {
      await other.remove(id);
    }
  });
});

describe('a machine without a Secret Service', () => {
  /** Runs keytar in a child process that cannot reach any D-Bus session. */
  function keytarErrorWithoutDbus(): string {
    const keytarPath = createRequire(import.meta.url).resolve('keytar');
    const code = `
      require(${JSON.stringify(keytarPath)})
        .getPassword('Brankas', 'probe')
        .then((v) => process.stdout.write(JSON.stringify({ ok: true, v })),
              (e) => process.stdout.write(JSON.stringify({ ok: false, message: String(e && e.message || e) })));
    `;
    const child = spawnSync(process.execPath, ['-e', code], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', DISPLAY: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout) as { ok: boolean; message?: string };
    expect(out.ok).toBe(false);
    return out.message ?? '';
  }

  it("keytar's error is one the adapter recognises as keychain_unavailable", () => {
    const message = keytarErrorWithoutDbus();
    expect(message.length).toBeGreaterThan(0);
    expect(isKeychainUnavailableMessage(message), message).toBe(true);
  });

  it('recognises the known messages and not ordinary ones', () => {
    for (const m of [
      'Cannot autolaunch D-Bus without X11 $DISPLAY',
      'The name org.freedesktop.secrets was not provided by any .service files',
      'Cannot create an item in a locked collection',
    ]) {
      expect(isKeychainUnavailableMessage(m), m).toBe(true);
    }
    expect(isKeychainUnavailableMessage('out of memory')).toBe(false);
  });

  it('the adapter reports every keytar failure as VaultError keychain_unavailable', async () => {
    // An argument keytar itself rejects: the error surfaces through the adapter, mapped.
    const err = await keychain.get(undefined as unknown as string).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('keychain_unavailable');
  });
});
