/**
 * `brankas notice`: the notice in force as Markdown (stdout or --out) or PDF (--out), id or en; the
 * draft before any version, said on stderr; `notice publish [--json]` prints the new version; both
 * signed in and audited like the app; usage errors exit 1, a cashier cannot publish.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type AuditAction } from '../contract';
import { listAudit } from '../vault/audit/repository';
import { pdfPages } from '../vault/documents/testing';
import { createNoticeService } from '../vault/notice/service';
import { PROFILE } from '../vault/notice/testing';
import { createPurposesService } from '../vault/purposes/service';
import { createStaffService } from '../vault/staff/service';
import { CliHarness, asOwner } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await asOwner(cli.dataDir, (vault) => createNoticeService(vault).saveProfile(PROFILE));
});
afterEach(() => cli.cleanup());

const trail = (action: AuditAction) => asOwner(cli.dataDir, async (vault) => (await listAudit(vault.db(), AuditQueryInput.parse({ action }))).entries);
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('brankas notice', () => {
  it('before any version writes the draft to stdout and says so on stderr', async () => {
    const r = await cli.runAs(['notice']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('No version of the notice is published yet: this is the DRAFT (konsep) of version 1.');
    expect(r.stdout).toMatch(/^# Pemberitahuan Privasi\n/);
    expect(r.stdout).toContain('**KONSEP — belum diterbitkan (akan menjadi versi 1).');
    expect((await trail('notice.document')).map((e) => e.details)).toEqual([{ kind: 'md', lang: 'id', draft: true, file: 'stdout', via: 'cli' }]);
  });

  it('publish --json prints the version; then the notice in force is that frozen text, md and pdf, id and en', async () => {
    const p = await cli.runAs(['notice', 'publish', '--json']);
    expect(p.code, p.stderr).toBe(0);
    const v = JSON.parse(p.stdout) as { number: number; date: string; sha256: string };
    expect(Object.keys(v)).toEqual(['number', 'date', 'sha256']);
    expect(v).toMatchObject({ number: 1, date: today() });
    expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await trail('notice.publish')).map((e) => e.targetId)).toEqual(['1']);

    const md = await cli.runAs(['notice', '--lang', 'en']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stderr).toBe('');
    const frozen = await asOwner(cli.dataDir, (vault) => vault.db().get<{ text_en: string }>('SELECT text_en FROM notice_versions WHERE number = 1'));
    expect(md.stdout).toBe(frozen?.text_en);
    expect(md.stdout).toContain(v.sha256);

    for (const lang of ['id', 'en'] as const) {
      const out = join(cli.dir(), `notice-${lang}.pdf`);
      const r = await cli.runAs(['notice', '--lang', lang, '--format', 'pdf', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      const text = pdfPages(readFileSync(out)).join(' ');
      expect(text).toContain(lang === 'id' ? 'Pemberitahuan Privasi' : 'Privacy Notice');
      expect(text).toContain(lang === 'id' ? 'Versi 1 · berlaku sejak' : 'Version 1 · in effect from');
      expect(text).toContain(lang === 'id' ? 'bukan nasihat hukum' : 'not legal advice');
      expect(text).toContain(v.sha256);
    }
  });

  it('publish without --json says the version; after a purpose change the next is version 2', async () => {
    expect((await cli.runAs(['notice', 'publish'])).stdout).toMatch(/^Published version 1 of the privacy notice, in effect from \d{4}-\d\d-\d\d\.\nSHA-256: [0-9a-f]{64}\n$/);
    await asOwner(cli.dataDir, async (vault) => {
      const purposes = createPurposesService(vault.db());
      const p = (await purposes.list()).find((x) => x.key === 'promotions_wa')!;
      await purposes.save({ key: p.key, name: p.name, description: p.description, basis: p.basis, retention: { months: 3, from: 'consent_withdrawn' } });
      expect((await createNoticeService(vault).status()).outOfDate).toBe(true);
    });
    const r = await cli.runAs(['notice', 'publish', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ number: 2 });
    const md = await cli.runAs(['notice']);
    expect(md.stdout).toContain('3 bulan sejak persetujuan ditarik');
  });

  it('refuses usage errors with exit 1, and a cashier may read but not publish (exit 3)', async () => {
    for (const argv of [
      ['notice', '--format', 'pdf'],
      ['notice', '--format', 'docx'],
      ['notice', '--lang', 'fr'],
      ['notice', '--json'],
      ['notice', 'publish', '--lang', 'en'],
      ['notice', 'unpublish'],
    ]) {
      const r = await cli.runAs(argv);
      expect(r.code, argv.join(' ')).toBe(1);
    }
    const password = 'sepeda-tua-ke-pasar-77';
    await asOwner(cli.dataDir, (vault) => createStaffService(vault).create({ name: 'Dewi', role: 'staff', password, reason: 'kasir' }));
    const as = (argv: string[]) => cli.run([...argv, '--user', 'Dewi'], { env: { BRANKAS_PASSWORD: password } });
    expect((await as(['notice'])).code).toBe(0);
    expect((await as(['notice', 'publish'])).code).toBe(3);
  });

  it('is listed in the general help', async () => {
    const r = await cli.run(['--help']);
    expect(r.stdout).toMatch(/\n {2}notice +the privacy notice in force/);
    expect((await cli.run(['notice', '--help'])).stdout).toContain('brankas notice publish --user NAME [--json]');
  });
});
