/** `brankas stats`: how much the vault holds, without showing any customer. */
import { statSync } from 'node:fs';
import type { Queryable } from '../vault/db/driver';
import { getMeta } from '../vault/meta';
import { vaultPaths } from '../vault/paths';
import { flag, positionals } from './args';
import type { Command } from './command';
import { EXIT } from './errors';
import { line } from './io';
import { withSession } from './session';

export interface VaultStats {
  customers: number;
  withPhone: number;
  withEmail: number;
  /** Distinct tags in use. */
  tags: number;
  purchases: number;
  /** Whole rupiah, all purchases together. */
  purchaseTotal: number;
  /** Bytes on disk: the vault file and its write-ahead log. */
  vaultBytes: number;
  /** ISO 8601, or null for a vault that predates the record. */
  createdAt: string | null;
}

export async function readStats(db: Queryable, dataDir: string): Promise<VaultStats> {
  const c = await db.get<{ n: number; phone: number; email: number }>(
    'SELECT count(*) AS n, count(phone) AS phone, count(email) AS email FROM customers',
  );
  const t = await db.get<{ n: number }>('SELECT count(DISTINCT tag) AS n FROM customer_tags');
  const pu = await db.get<{ n: number; total: number }>('SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM purchases');
  const created = Number(await getMeta(db, 'created_at'));
  const paths = vaultPaths(dataDir);
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return {
    customers: c?.n ?? 0,
    withPhone: c?.phone ?? 0,
    withEmail: c?.email ?? 0,
    tags: t?.n ?? 0,
    purchases: pu?.n ?? 0,
    purchaseTotal: pu?.total ?? 0,
    vaultBytes: size(paths.vault) + size(`${paths.vault}-wal`),
    createdAt: Number.isFinite(created) && created > 0 ? new Date(created).toISOString() : null,
  };
}

const number = (n: number) => n.toLocaleString('id-ID');
const rupiah = (n: number) => `Rp ${number(n)}`;
function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

const help = `Usage: brankas stats --user NAME [--json]

Counts what the vault holds: customers (and how many have a phone or email), tags in use,
purchases and their total, the size of the vault file and when the vault was created.

Options:
  --json   print {"customers","withPhone","withEmail","tags","purchases","purchaseTotal",
           "vaultBytes","createdAt","dataDir"}`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts: customers, with phone/email, tags, purchases, file size, created',
  help,
  options: { json: { type: 'boolean' } },

  async run({ io, p }) {
    positionals(p, [], 'stats');
    const { stats, dataDir } = await withSession(io, p, 'stats', 'customers.view', async ({ db, dataDir }) => ({ stats: await readStats(db, dataDir), dataDir }));
    if (flag(p, 'json')) {
      line(io.stdout, JSON.stringify({ ...stats, dataDir }));
      return EXIT.ok;
    }
    const rows: [string, string][] = [
      ['Customers', number(stats.customers)],
      ['  with phone', number(stats.withPhone)],
      ['  with email', number(stats.withEmail)],
      ['Tags', number(stats.tags)],
      ['Purchases', `${number(stats.purchases)} (${rupiah(stats.purchaseTotal)})`],
      ['Vault file', bytes(stats.vaultBytes)],
      ['Created', stats.createdAt ? stats.createdAt.slice(0, 10) : 'unknown'],
      ['Data folder', dataDir],
    ];
    for (const [k, v] of rows) line(io.stdout, `${(k + ':').padEnd(14)}${v}`);
    return EXIT.ok;
  },
};
