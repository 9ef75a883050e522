/**
 * Test helpers for erasure: a customer whose name, phone and e-mail are canaries (values nothing
 * else in a vault holds), with everything that hangs on a customer — tags, purchases old and new,
 * consent with evidence, a restriction, a request in their words — and a dump of every table's text.
 */
import type { Queryable } from '../db/driver';
import { createConsentService } from '../consent/service';
import { insertCustomer } from '../customers/repository';
import type { VaultContext } from '../context';
import { appendRequestEvent, insertRequest, linkCustomer } from '../requests/repository';

export const CANARY = {
  name: 'Zulkarnaen Kenariputra',
  phone: '+6281299887766',
  email: 'kenari.zulkarnaen@contoh.id',
  words: 'tolong hapus data saya kenariputra',
};

/** The forms a canary takes in stored text: as typed, lower-cased (FTS tokens), the phone's digits. */
export const CANARY_NEEDLES = ['Zulkarnaen', 'zulkarnaen', 'Kenariputra', 'kenariputra', '99887766', 'kenari.zulkarnaen'];

/** Every canary form as bytes (UTF-8 and UTF-16LE), for raw file scans. */
export const canaryBytes = (): Buffer[] => CANARY_NEEDLES.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);

export interface Seeded {
  id: number;
  request: number;
  createdAt: number;
}

/**
 * The canary customer with 2 tags, 3 purchases (one from 12 years ago: past the tax duty's
 * 10 years), a consent entry with evidence, a restriction and an erasure request in their words.
 */
export async function seedCanary(ctx: VaultContext, createdAt = 1_750_000_000_000): Promise<Seeded> {
  const db = ctx.db();
  const year = new Date().getFullYear();
  const { id, request } = await db.transaction(async (tx) => {
    const id = await insertCustomer(
      tx,
      { name: CANARY.name, phone: CANARY.phone, email: CANARY.email, address: 'Jl. Kenari 9', city: 'Bandung', notes: 'suka kopi kenariputra', tags: ['grosir', 'kenariputra'], birthday: null, gender: null, preferences: null, custom: {} },
      createdAt,
    );
    for (const [date, amount] of [[`${year - 12}-03-01`, 10_000], [`${year - 1}-06-15`, 250_000], [`${year}-01-02`, 75_000]] as const) {
      await tx.run("INSERT INTO purchases (customer_id, date, description, amount, channel, created_at) VALUES (?, ?, 'Kopi Gayo 1 kg', ?, 'store', 1)", [id, date, amount]);
    }
    await tx.run("INSERT INTO customer_restrictions (customer_id, since, reason, by_name) VALUES (?, 1, 'minta ditunda kenariputra', 'Ibu Sari')", [id]);
    const request = await insertRequest(tx, {
      type: 'erase',
      channel: 'whatsapp',
      receivedAt: 1,
      dueAt: 2,
      dueBasis: 'shop',
      takenBy: { id: 1, name: 'Ibu Sari' },
      requester: CANARY.name,
      notCustomer: false,
      asked: CANARY.words,
      lang: 'id',
    });
    await linkCustomer(tx, request, id);
    await appendRequestEvent(tx, request, { at: 1, kind: 'identity', by: { id: 1, name: 'Ibu Sari' }, detail: { checked: CANARY.phone } });
    return { id, request };
  });
  await createConsentService(ctx).record(
    { customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'paper' },
    { fileName: 'formulir.txt', mediaType: 'text/plain', content: Buffer.from(`Setuju: ${CANARY.name} ${CANARY.phone}`) },
  );
  return { id, request, createdAt };
}

/** The text of every row of every table (FTS shadow tables' blobs as latin1), one string. */
export async function dumpText(q: Queryable): Promise<string> {
  const tables = await q.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await q.all<Record<string, unknown>>(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    parts.push(name, JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)));
  }
  return parts.join('\n');
}

/** The canary forms found in `text`. */
export const canariesIn = (text: string): string[] => CANARY_NEEDLES.filter((n) => text.includes(n));

/** Every token of the customers' search index (fts5vocab over customers_fts). */
export async function ftsTokens(q: Queryable): Promise<string[]> {
  await q.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.erasure_vocab USING fts5vocab(main, customers_fts, row)');
  try {
    return (await q.all<{ term: string }>('SELECT term FROM temp.erasure_vocab')).map((r) => r.term);
  } finally {
    await q.exec('DROP TABLE temp.erasure_vocab');
  }
}
