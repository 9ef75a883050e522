/**
 * purposes.* through the real router (real vault, SQLCipher, keychain): each change commits with its
 * audit entry or not at all; a refused retirement says which fields still need the purpose; a field
 * switched on by purpose keys is recorded with them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { AuditQueryInput, type AuditAction, type ChannelName, type FieldDef, type Purpose, type Result } from '../../contract';
import { listAudit } from '../../vault/audit/repository';
import { dataDigest, refuseAudit } from '../../vault/audit/testing';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { FAST_KDF } from '../../vault/testing';
import { createRouter, type Router } from '../router';
import { testContext } from '../testing';

const ORIGIN = 'app://brankas';
let dir: string;
let vault: VaultService;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const trail = async (action: AuditAction) => (await listAudit(vault.db(), AuditQueryInput.parse({ action }))).entries;

const MEMBER = {
  name: { id: 'Kartu member', en: 'Membership card' },
  description: { id: 'Mencatat poin belanja Anda.', en: 'To keep your shopping points.' },
  basis: 'contract',
  retention: { months: 24, from: 'contract_end' },
} as const;

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: 'kopi-susu-gula-aren-42' }));
});
afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

describe('purposes.* through the router', () => {
  it('creates, updates and retires, each with its entry (keys and basis, never the words)', async () => {
    const created = await value<Purpose[]>(call('purposes.save', MEMBER));
    expect(created.find((p) => p.key === 'membership_card')).toMatchObject({ needsConsent: false, status: 'active' });
    await value(call('purposes.save', { ...MEMBER, key: 'membership_card', basis: 'consent' }));
    await value(call('purposes.retire', { key: 'membership_card' }));
    expect((await trail('purpose.create')).map((e) => [e.targetId, e.details])).toEqual([['membership_card', { basis: 'contract', months: 24, from: 'contract_end' }]]);
    expect((await trail('purpose.update')).map((e) => [e.targetId, e.details.basis])).toEqual([['membership_card', 'consent']]);
    expect((await trail('purpose.retire')).map((e) => e.targetId)).toEqual(['membership_card']);
  });

  it('refuses retiring what a field serves alone with conflict and the field keys, and changes nothing', async () => {
    const before = await dataDigest(vault.db());
    expect(await call('purposes.retire', { key: 'order_updates' })).toEqual({ ok: false, error: { code: 'conflict', fields: { city: 'required' } } });
    expect(await call('purposes.save', { ...MEMBER, needsConsent: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('purposes.save', { ...MEMBER, retention: { months: 0, from: 'contract_end' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dataDigest(vault.db())).toBe(before);
  });

  for (const [action, channel, input] of [
    ['purpose.create', 'purposes.save', MEMBER],
    ['purpose.retire', 'purposes.retire', { key: 'promotions_wa' }],
  ] as const) {
    it(`${channel}: when the ${action} entry cannot be written, nothing changes`, async () => {
      const before = await dataDigest(vault.db());
      const allow = await refuseAudit(vault.db(), action);
      expect(await call(channel, input)).toEqual({ ok: false, error: { code: 'audit_failed' } });
      await allow();
      expect(await dataDigest(vault.db())).toBe(before);
      await value(call(channel, input));
      expect(await dataDigest(vault.db())).not.toBe(before);
    });
  }

  it('switches a field on by purpose keys; the entry names them', async () => {
    const list = await value<FieldDef[]>(call('fields.update', { key: 'birthday', enabled: true, purpose: '', purposes: ['promotions_wa'] }));
    expect(list.find((f) => f.key === 'birthday')).toMatchObject({ enabled: true, purposes: ['promotions_wa'] });
    expect((await trail('fields.update')).at(-1)?.details).toEqual({ enabled: true, purposes: ['promotions_wa'] });
  });
});
