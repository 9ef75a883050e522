/**
 * requests.savePack through the real router: the pack is made before the folder is asked for (a
 * missing customer fails with no dialog and no entry), a cancelled folder records and writes nothing,
 * a chosen one gets the three files (two for the portable copy) after the entry is written, and the
 * channel refuses the roles without privacy.handle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result, SavedPack } from '../../contract';
import { seedTwo, type Seeded } from '../../vault/access/testing';
import { tempDir } from '../../vault/db/testing';
import { noticeVault, type NoticeVault } from '../../vault/notice/testing';
import { createRouter, type Router } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
let nv: NoticeVault;
let ctx: TestContext;
let router: Router;
let s: Seeded;
let out: string;

beforeEach(async () => {
  nv = await noticeVault();
  ctx = testContext(nv.vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  s = await seedTwo(nv.vault);
  out = tempDir('brankas-pack-');
});
afterEach(async () => {
  await nv.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const call = (input: unknown): Promise<Result<unknown>> => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, 'requests.savePack', input);
const packEntries = async () => (await nv.vault.db().get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'customer.accessPack'"))!.n;

describe('requests.savePack', () => {
  it('fails for a missing customer before any dialog, and records nothing', async () => {
    expect(await call({ customerId: 99_999, lang: 'id' })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await call({ customerId: s.a, lang: 'id', requestNumber: s.requestB })).toEqual({ ok: false, error: { code: 'invalid_input', fields: { requestNumber: 'invalid_value' } } });
    expect(await packEntries()).toBe(0);
  });

  it('records and writes nothing when the folder dialog is cancelled', async () => {
    ctx.dialogs.folders.push(null);
    expect(await call({ customerId: s.a, lang: 'en' })).toEqual({ ok: true, value: null });
    expect(await packEntries()).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('writes the pack into the chosen folder after recording it, with the request step', async () => {
    ctx.dialogs.folders.push(out);
    const r = await call({ customerId: s.a, lang: 'id', requestNumber: s.requestA });
    expect(r.ok).toBe(true);
    const saved = (r as { value: SavedPack }).value;
    const base = `akses-data-${s.a}-2026-12-04`;
    expect(saved).toEqual({ folder: out.split('/').pop(), files: [`${base}.pdf`, `${base}.json`, `${base}.csv`] });
    expect(readdirSync(out).sort()).toEqual([`${base}.csv`, `${base}.json`, `${base}.pdf`]);
    expect(readFileSync(join(out, `${base}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(out, `${base}.json`), 'utf8')).customer.name).toBe('Alfa Kanari Pertama');
    expect(await packEntries()).toBe(1);
    expect(await nv.vault.db().get("SELECT count(*) AS n FROM request_events WHERE request_number = ? AND kind = 'document'", [s.requestA])).toEqual({ n: 1 });

    ctx.dialogs.folders.push(out);
    const portable = await call({ customerId: s.a, lang: 'en', portable: true });
    expect((portable as { value: SavedPack }).value.files).toEqual([`portable-data-${s.a}-2026-12-04.json`, `portable-data-${s.a}-2026-12-04.csv`]);
    expect(existsSync(join(out, `portable-data-${s.a}-2026-12-04.pdf`))).toBe(false);
  });

  it('refuses a strict input and a role without privacy.handle', async () => {
    expect(await call({ customerId: s.a, lang: 'id', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call({ customerId: s.a, lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await nv.vault.db().run("UPDATE staff SET role = 'staff' WHERE id = 1");
    await nv.vault.refreshSession();
    expect(await call({ customerId: s.a, lang: 'id' })).toEqual({ ok: false, error: { code: 'forbidden' } });
  });
});
