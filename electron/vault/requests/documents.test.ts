/**
 * The receipt and the reply letters as the customer gets them: real PDFs read back with pdftotext,
 * in id and en, and the WhatsApp texts; handing one out is a step on the request and an audit entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../documents/testing';
import { VaultFixture, vaultErrorOf } from '../testing';
import { createRequestDocuments } from './documents';
import { createRequestsService } from './service';
import { clockedOwner, customerIn } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());
const FRIDAY_5PM_WIB = Date.UTC(2026, 11, 4, 10, 0);
const text = (pdf: Buffer) => pdfPages(pdf).join(' ');

describe('request documents', () => {
  it('prints the receipt with the number, what was asked and the time it is due, in id and en', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const ani = await customerIn(c.svc, 'Ani Lestari');
    const r = await createRequestsService(c.ctx).create({ type: 'access', channel: 'walk-in', customerIds: [ani], notCustomer: false, asked: 'Data apa saja yang toko simpan tentang saya?', lang: 'id' });
    const docs = createRequestDocuments(c.ctx);
    const id = await docs.make('receipt', r.number, 'id', 'pdf');
    expect(id.fileName).toBe('tanda-terima-PDP-0001.pdf');
    const idText = text(id.output);
    for (const s of ['Tanda Terima Permintaan Data Pribadi', 'PDP-0001', 'Akses dan salinan data', 'UU PDP Pasal 7, 32', 'Ani Lestari', 'Data apa saja yang toko simpan tentang saya?', '7 Desember 2026 pukul 17.00 WIB', '3×24 jam', 'Ibu Sari']) {
      expect(idText).toContain(s);
    }
    const en = text((await docs.make('receipt', r.number, 'en', 'pdf')).output);
    expect(en).toContain('Receipt for Your Personal Data Request');
    expect(en).toContain('7 December 2026 at 17:00 WIB');
    const wa = (await docs.make('receipt', r.number, 'id', 'whatsapp')).output;
    expect(wa).toContain('*Tanda terima permintaan PDP-0001*');
    expect(wa).toContain('Dijawab paling lambat: 7 Desember 2026 pukul 17.00 WIB');

    // Making it records nothing; handing it out records a step and an audit entry together.
    expect(await c.svc.db().all("SELECT id FROM audit_log WHERE action = 'request.document'")).toEqual([]);
    await id.record();
    expect(await c.svc.db().all("SELECT kind, detail FROM request_events WHERE kind = 'document'")).toEqual([{ kind: 'document', detail: '{"document":"receipt","format":"pdf","lang":"id"}' }]);
    expect((await c.svc.db().all("SELECT id FROM audit_log WHERE action = 'request.document'")).length).toBe(1);
  });

  it('writes the refusal with its reason and Pasal 15 ground, and the erasure reply with the backups’ rotation', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    const docs = createRequestDocuments(c.ctx);
    const r = await requests.create({ type: 'access', channel: 'letter', customerIds: [], notCustomer: false, requester: 'Budi', asked: '', lang: 'id' });
    expect((await vaultErrorOf(docs.make('reply', r.number, 'id', 'pdf'))).fields).toEqual({ number: 'not_allowed' });
    await requests.move({ number: r.number, to: 'refused', reason: 'Data diminta dalam proses penyidikan', pasal15: 'law_enforcement' });
    const refused = text((await docs.make('reply', r.number, 'id', 'pdf')).output);
    expect(refused).toContain('Permintaan Anda Tidak Dapat Kami Penuhi');
    expect(refused).toContain('Data diminta dalam proses penyidikan');
    expect(refused).toContain('Pasal 15 ayat (1) huruf b — kepentingan proses penegakan hukum');
    expect(refused).toContain('Budi');
    const refusedEn = text((await docs.make('reply', r.number, 'en', 'pdf')).output);
    expect(refusedEn).toContain('Article 15(1)(b) — law enforcement proceedings');

    const e = await requests.create({ type: 'erase', channel: 'walk-in', customerIds: [], notCustomer: false, asked: '', lang: 'en' });
    await requests.close({ number: e.number, outcome: 'done' });
    const erased = (await docs.make('reply', e.number, 'en', 'whatsapp')).output;
    expect(erased).toContain('We have erased your personal data');
    expect(erased).toContain('within 35 days'); // 7 daily + 4 weekly backups by default
    expect((await vaultErrorOf(docs.make('receipt', 99, 'id', 'pdf'))).code).toBe('not_found');
  });
});
