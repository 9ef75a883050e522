/**
 * The consent ledger as the vault holds it: history and current state, nothing assumed, withdrawal in
 * force at once, children through a guardian, evidence inside the encrypted file, one transaction
 * with the audit entry. Real SQLCipher files and the real OS keychain.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditAction } from '../../contract';
import type { VaultService } from '../service';
import { filesContaining, PASSWORD, VaultFixture, vaultErrorOf } from '../testing';
import { ageOn, createConsentService } from './service';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

async function owner(): Promise<{ svc: VaultService; dir: string }> {
  const v = await fx.create();
  const svc = fx.service(v.dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  return { svc, dir: v.dir };
}
const customer = async (svc: VaultService, name: string, birthday: string | null = null) =>
  (await svc.db().run('INSERT INTO customers (name, birthday, created_at, updated_at) VALUES (?, ?, 0, 0)', [name, birthday])).lastID;
const audit = (svc: VaultService, action: AuditAction) =>
  svc.db().all<{ target_id: string }>('SELECT target_id FROM audit_log WHERE action = ? ORDER BY id', [action]);

describe('the consent ledger', () => {
  it('starts at none for every active consent purpose, keeps the whole history and shows the latest as current', async () => {
    const { svc } = await owner();
    const consent = createConsentService(svc);
    const id = await customer(svc, 'Ani');
    const first = await consent.get(id);
    expect(first.rows.map((r) => [r.purposeKey, r.status])).toEqual([['promotions_wa', 'none']]);
    expect(first.history).toEqual([]);

    await consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'paper' });
    const after = await consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'withdrawn', method: 'whatsapp' });
    expect(after.rows[0]).toMatchObject({ status: 'withdrawn', current: { method: 'whatsapp', recordedBy: { id: 1, name: 'Ibu Sari' } } });
    expect(after.history.map((e) => [e.state, e.method])).toEqual([
      ['withdrawn', 'whatsapp'],
      ['given', 'paper'],
    ]);
    expect((await audit(svc, 'consent.give')).length).toBe(1);
    expect((await audit(svc, 'consent.withdraw')).length).toBe(1);
    expect((await audit(svc, 'consent.view')).map((e) => e.target_id)).toEqual([String(id)]);
  });

  it('takes entries only for an active purpose resting on consent, for a customer who exists', async () => {
    const { svc } = await owner();
    const consent = createConsentService(svc);
    const id = await customer(svc, 'Budi');
    const base = { customerId: id, state: 'given', method: 'verbal' } as const;
    expect((await vaultErrorOf(consent.record({ ...base, purposeKey: 'order_updates' }))).fields).toEqual({ purposeKey: 'no_consent_needed' });
    expect((await vaultErrorOf(consent.record({ ...base, purposeKey: 'no_such' }))).code).toBe('not_found');
    expect((await vaultErrorOf(consent.record({ ...base, customerId: 999, purposeKey: 'promotions_wa' }))).code).toBe('not_found');
    expect(await svc.db().get('SELECT count(*) AS n FROM consent_events')).toEqual({ n: 0 });
  });

  it('a child gives consent through a guardian; withdrawing never waits for one', async () => {
    const { svc } = await owner();
    const consent = createConsentService(svc);
    const today = new Date();
    const tenYearsAgo = `${today.getFullYear() - 10}-01-01`;
    const child = await customer(svc, 'Citra', tenYearsAgo);
    const noBirthday = await customer(svc, 'Dodi');
    expect((await consent.get(child)).minorByBirthday).toBe(true);
    expect((await consent.get(noBirthday)).minorByBirthday).toBeNull();
    const ask = { purposeKey: 'promotions_wa', state: 'given', method: 'paper' } as const;
    expect((await vaultErrorOf(consent.record({ ...ask, customerId: child }))).fields).toEqual({ guardian: 'guardian_required' });
    expect((await vaultErrorOf(consent.record({ ...ask, customerId: noBirthday, minor: true }))).fields).toEqual({ guardian: 'guardian_required' });
    const ok = await consent.record({ ...ask, customerId: child, guardian: { name: 'Ibu Rina', relation: 'Ibu' } });
    expect(ok.rows[0]?.current?.guardian).toEqual({ name: 'Ibu Rina', relation: 'Ibu' });
    const out = await consent.record({ customerId: child, purposeKey: 'promotions_wa', state: 'withdrawn', method: 'verbal' });
    expect(out.rows[0]?.status).toBe('withdrawn');
  });

  it('keeps evidence inside the encrypted vault: no file on disk holds its bytes; opening it is recorded', async () => {
    const { svc, dir } = await owner();
    const consent = createConsentService(svc);
    const id = await customer(svc, 'Eka');
    const canary = Buffer.concat([Buffer.from('CANARY-EVIDENCE-'), randomBytes(64)]);
    const done = await consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'paper' }, { fileName: 'form.jpg', mediaType: 'image/jpeg', content: canary });
    const evidence = done.rows[0]?.current?.evidence;
    expect(evidence).toMatchObject({ fileName: 'form.jpg', mediaType: 'image/jpeg', size: canary.length });
    await svc.db().exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(filesContaining(dir, [canary.subarray(0, 40), Buffer.from('CANARY-EVIDENCE-')])).toEqual([]);
    const opened = await consent.openEvidence(evidence!.id, 'form-copy.jpg');
    expect(opened.content.equals(canary)).toBe(true);
    expect((await audit(svc, 'consent.evidenceOpen')).map((e) => e.target_id)).toEqual([String(id)]);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1);
    expect((await vaultErrorOf(consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'paper' }, { fileName: 'b.pdf', mediaType: 'application/pdf', content: big }))).fields).toEqual({ evidence: 'too_large' });
  });

  it('records nothing when its audit entry cannot be written (one transaction)', async () => {
    const { svc } = await owner();
    const consent = createConsentService(svc);
    const id = await customer(svc, 'Fajar');
    await svc.db().exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log WHEN NEW.action = 'consent.give' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await expect(consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'form' })).rejects.toThrow();
    await svc.db().exec('DROP TRIGGER temp.refuse');
    expect(await svc.db().get('SELECT count(*) AS n FROM consent_events')).toEqual({ n: 0 });
    expect(await svc.db().get('SELECT count(*) AS n FROM consent_current')).toEqual({ n: 0 });
  });

  it('counts age by the calendar', () => {
    expect(ageOn('2008-12-05', '2026-12-04')).toBe(17);
    expect(ageOn('2008-12-04', '2026-12-04')).toBe(18);
    expect(ageOn('2009-02-28', '2027-02-28')).toBe(18);
  });
});
