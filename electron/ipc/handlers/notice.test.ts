/**
 * notice.* through the real router (real vault, SQLCipher, keychain): the profile and recipients
 * with their entries, publishing, the notice saved as a file through the save dialog (audited
 * before it is written; cancelled: no file, no entry), the WhatsApp text, and who may do what.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AuditQueryInput, type AuditAction, type ChannelName, type NoticeStatus, type NoticeVersionInfo, type Recipient, type Result, type StaffMember } from '../../contract';
import { listAudit } from '../../vault/audit/repository';
import { refuseAudit } from '../../vault/audit/testing';
import { tempDir } from '../../vault/db/testing';
import { pdfPages } from '../../vault/documents/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { PROFILE } from '../../vault/notice/testing';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { FAST_KDF } from '../../vault/testing';
import { createRouter, type Router } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
const PASSWORD = 'kopi-susu-gula-aren-42';
let dir: string;
let out: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const trail = async (action: AuditAction) => (await listAudit(vault.db(), AuditQueryInput.parse({ action }))).entries;

beforeEach(async () => {
  dir = tempDir();
  out = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
});
afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('notice.* through the router', () => {
  it('saves the profile and recipients with notice.update entries, publishes, and reports status', async () => {
    expect(await value(call('notice.saveProfile', PROFILE))).toEqual(PROFILE);
    const list = await value<Recipient[]>(call('notice.saveRecipient', { name: 'PT Kirim', why: { id: 'antar', en: 'delivery' }, country: { id: 'Indonesia', en: 'Indonesia' }, abroad: false }));
    expect(list).toMatchObject([{ name: 'PT Kirim', abroad: false }]);
    expect(await value(call('notice.recipients'))).toEqual(list);
    const v = await value<NoticeVersionInfo>(call('notice.publish'));
    expect(v.number).toBe(1);
    expect(await value<NoticeStatus>(call('notice.status'))).toMatchObject({ current: v, outOfDate: false });
    await value(call('notice.removeRecipient', { id: list[0]!.id }));
    expect(await value<NoticeStatus>(call('notice.status'))).toMatchObject({ outOfDate: true, changed: ['recipients'] });
    expect((await trail('notice.update')).map((e) => e.details.part)).toEqual(['recipients', 'recipients', 'profile']);
    expect((await trail('notice.publish')).map((e) => e.targetId)).toEqual(['1']);
  });

  it('refuses bad input with typed errors', async () => {
    expect(await call('notice.saveProfile', { ...PROFILE, email: 'bukan email' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('notice.saveProfile', { ...PROFILE, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('notice.publish')).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: 'required' } } });
    expect(await call('notice.save', { kind: 'docx', lang: 'id' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('saves the published PDF where the dialog says, recorded first; cancelled: no file and no entry', async () => {
    await value(call('notice.saveProfile', PROFILE));
    await value(call('notice.publish'));
    const path = join(out, 'pemberitahuan.pdf');
    ctx.dialogs.saves.push(path);
    expect(await value(call('notice.save', { kind: 'pdf', lang: 'en' }))).toEqual({ fileName: 'pemberitahuan.pdf' });
    const text = pdfPages(readFileSync(path)).join(' ');
    expect(text).toContain('Version 1 · in effect from');
    expect(text).toContain('A template for the shop to review, not legal advice.');
    expect((await trail('notice.document')).map((e) => [e.targetId, e.details])).toEqual([['1', { kind: 'pdf', lang: 'en', draft: false, file: 'pemberitahuan.pdf' }]]);

    ctx.dialogs.saves.push(null);
    expect(await value(call('notice.save', { kind: 'poster', lang: 'id' }))).toBeNull();
    expect(await trail('notice.document')).toHaveLength(1);

    const refused = join(out, 'tidak.md');
    const allow = await refuseAudit(vault.db(), 'notice.document');
    ctx.dialogs.saves.push(refused);
    expect(await call('notice.save', { kind: 'md', lang: 'id', which: 'draft' })).toEqual({ ok: false, error: { code: 'audit_failed' } });
    await allow();
    expect(existsSync(refused)).toBe(false);
  });

  it('gives the WhatsApp text to copy; the draft says so', async () => {
    await value(call('notice.saveProfile', PROFILE));
    const draft = await value<string>(call('notice.whatsapp', { lang: 'id' }));
    expect(draft).toMatch(/^\*KONSEP — belum diterbitkan\*/);
    await value(call('notice.publish'));
    const published = await value<string>(call('notice.whatsapp', { lang: 'en' }));
    expect(published).toContain('*Toko Sari Kain Privacy Notice* (version 1');
    expect(published).toContain('A template for the shop to review, not legal advice.');
  });

  it('lets a cashier read the notice but not change or publish it', async () => {
    const password = 'sepeda-tua-ke-pasar-77';
    const dewi = await value<StaffMember>(call('staff.create', { name: 'Dewi', role: 'staff', password, reason: 'kasir' }));
    await value(call('notice.saveProfile', PROFILE));
    await value(call('vault.lock'));
    await value(call('vault.signIn', { staffId: dewi.id, password }));
    expect((await call('notice.status')).ok).toBe(true);
    expect((await call('notice.whatsapp', { lang: 'id' })).ok).toBe(true);
    for (const [channel, input] of [
      ['notice.publish', {}],
      ['notice.saveProfile', PROFILE],
      ['notice.removeRecipient', { id: 1 }],
    ] as const) {
      expect(await call(channel, input), channel).toEqual({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
