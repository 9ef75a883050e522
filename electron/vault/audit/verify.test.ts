/**
 * Verification against an attacker who has the file and the vault key and edits the trail with raw
 * SQL (dropping the triggers first), but does not re-compute the chain.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../meta';
import { HEAD_META_KEY, headValue } from './chain';
import { auditKey } from './key';
import { appendAudit, appendAuditTx, type AuditRow } from './repository';
import { dropTriggers, openAuditTestDb, sampleEntry, seed, T0, type AuditTestDb } from './testing';
import { verifyAudit } from './verify';

let t: AuditTestDb;
beforeEach(async () => {
  t = await openAuditTestDb();
});
afterEach(() => t.cleanup());

const verify = () => verifyAudit(t.db, t.key);
const broken = (entries: number, firstBrokenId: number | null, reason: string) => ({ ok: false, entries, firstBrokenId, reason });
const randomMac = () => randomBytes(32).toString('hex');

/** Inserts a forged row at `id`, shaped like a real one. */
async function forge(id: number, mac = randomMac()): Promise<void> {
  await t.db.run(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, target_type, target_id, outcome, details, mac)
     VALUES (?, ?, 1, 'Ibu Sari', 'customer.view', 'customer', '1', 'ok', '{}', ?)`,
    [id, T0 + (id % 1000) * 60_000, mac],
  );
}

/** Swaps everything but the ids of two rows (the same as swapping their ids). */
async function swap(a: number, b: number): Promise<void> {
  await t.db.run('UPDATE audit_log SET id = -1 WHERE id = ?', [a]);
  await t.db.run('UPDATE audit_log SET id = ? WHERE id = ?', [a, b]);
  await t.db.run('UPDATE audit_log SET id = ? WHERE id = -1', [b]);
}

describe('an untouched trail', () => {
  it('verifies: empty, one entry, many entries across pages', async () => {
    expect(await verify()).toEqual({ ok: true, entries: 0 });
    await seed(t, 1);
    expect(await verify()).toEqual({ ok: true, entries: 1 });
    await seed(t, 2499, 2);
    expect(await verify()).toEqual({ ok: true, entries: 2500 });
  });

  it('verifies while entries are being appended', async () => {
    await seed(t, 2500);
    const appends = Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditTx(t.db, t.key, sampleEntry(2501 + i))));
    const [result] = await Promise.all([verify(), appends]);
    expect(result.ok).toBe(true);
    expect(await verify()).toEqual({ ok: true, entries: 2520 });
  });

  it('verifies text of every kind: quotes, backslashes, control characters, emoji, non-Latin', async () => {
    const odd = ['"quoted" \\ back\\slash', 'tab\there\nnew line\u0000nul\u001f', 'Ibu Śarī 🙂 你好 \u2028\u2029', '', ' '];
    for (const [i, s] of odd.entries()) {
      await appendAuditTx(t.db, t.key, { ...sampleEntry(i + 1), actorName: s, targetType: s, targetId: s, details: { s, list: [s] } });
    }
    expect(await verify()).toEqual({ ok: true, entries: odd.length });
  });

  it('fails at entry 1 under another vault key', async () => {
    await seed(t, 10);
    expect(await verifyAudit(t.db, auditKey(randomBytes(32)))).toEqual(broken(10, 1, 'altered'));
  });
});

describe('tampering', () => {
  beforeEach(async () => {
    await seed(t, 30);
    await dropTriggers(t.db);
  });

  it.each([
    ['a detail', "UPDATE audit_log SET details = '{\"n\":999}' WHERE id = 12", 12],
    ['the actor name', "UPDATE audit_log SET actor_name = 'Budi' WHERE id = 7", 7],
    ['the actor id', 'UPDATE audit_log SET actor_id = 1 WHERE id = 8', 8],
    ['the outcome', "UPDATE audit_log SET outcome = 'ok' WHERE id = 14", 14],
    ['the action', "UPDATE audit_log SET action = 'customer.delete' WHERE id = 1", 1],
    ['the time', 'UPDATE audit_log SET at = at - 1 WHERE id = 20', 20],
    ['the target', "UPDATE audit_log SET target_id = '4' WHERE id = 21", 21],
    ['the last entry', "UPDATE audit_log SET outcome = 'failed' WHERE id = 30", 30],
    ['the MAC', `UPDATE audit_log SET mac = '${'a'.repeat(64)}' WHERE id = 5`, 5],
  ])('altering %s is reported at that entry', async (_what, sql, id) => {
    await t.db.run(sql);
    expect(await verify()).toEqual(broken(30, id, 'altered'));
  });

  it.each([
    [15, 15],
    [1, 1],
  ])('deleting entry %i is reported at its id', async (deleted, at) => {
    await t.db.run('DELETE FROM audit_log WHERE id = ?', [deleted]);
    expect(await verify()).toEqual(broken(29, at, 'missing_or_reordered'));
  });

  it('deleting a run of entries in the middle is reported at the first of them', async () => {
    await t.db.run('DELETE FROM audit_log WHERE id BETWEEN 10 AND 19');
    expect(await verify()).toEqual(broken(20, 10, 'missing_or_reordered'));
  });

  it('a forged entry inserted in the middle (later ids shifted up) is reported where it went in', async () => {
    await t.db.run('UPDATE audit_log SET id = -id WHERE id >= 10');
    await t.db.run('UPDATE audit_log SET id = 1 - id WHERE id < 0');
    await forge(10);
    expect(await verify()).toEqual(broken(31, 10, 'missing_or_reordered'));
  });

  it('a forged entry put in place of a deleted one reads as an alteration of that entry', async () => {
    await t.db.run('DELETE FROM audit_log WHERE id = 10');
    await forge(10);
    expect(await verify()).toEqual(broken(30, 10, 'altered'));
  });

  it('a forged entry at the end is reported, with the head left as it was', async () => {
    await forge(31);
    expect(await verify()).toEqual(broken(31, 31, 'missing_or_reordered'));
  });

  it('forged entries with ids out of the sequence are reported', async () => {
    await forge(0);
    expect(await verify()).toEqual(broken(31, 0, 'missing_or_reordered'));
    await t.db.run('DELETE FROM audit_log WHERE id = 0');
    await forge(-(2 ** 60));
    expect((await verify()).ok).toBe(false);
    await t.db.run('DELETE FROM audit_log WHERE id < 0');
    await forge(1000);
    expect(await verify()).toEqual(broken(31, 31, 'missing_or_reordered'));
  });

  it.each([
    [8, 9],
    [5, 20],
    [1, 2],
    [29, 30],
  ])('swapping entries %i and %i is reported at the first', async (a, b) => {
    await swap(a, b);
    expect(await verify()).toEqual(broken(30, a, 'missing_or_reordered'));
  });

  it('swapping contents but leaving the MACs in place reads as alterations', async () => {
    const cols = 'at, actor_id, actor_name, action, target_type, target_id, outcome, details';
    const [r8, r9] = await t.db.all<AuditRow>(`SELECT id, ${cols} FROM audit_log WHERE id IN (8, 9) ORDER BY id`);
    const set = `UPDATE audit_log SET (${cols}) = (?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?`;
    const values = (r: AuditRow) => [r.at, r.actor_id, r.actor_name, r.action, r.target_type, r.target_id, r.outcome, r.details];
    await t.db.run(set, [...values(r9!), 8]);
    await t.db.run(set, [...values(r8!), 9]);
    expect(await verify()).toEqual(broken(30, 8, 'altered'));
  });

  describe('truncation', () => {
    it('cutting the last entries with the head left as it was', async () => {
      await t.db.run('DELETE FROM audit_log WHERE id > 27');
      expect(await verify()).toEqual(broken(27, 28, 'truncated'));
    });

    it('cutting every entry', async () => {
      await t.db.run('DELETE FROM audit_log');
      expect(await verify()).toEqual(broken(0, 1, 'truncated'));
    });

    it('cutting entries and putting back a head from an earlier, different state', async () => {
      // The head the app wrote when the trail had 10 entries (the head is deterministic).
      const mac10 = (await t.db.get<{ mac: string }>('SELECT mac FROM audit_log WHERE id = 10'))?.mac ?? '';
      await t.db.run('DELETE FROM audit_log WHERE id > 20');
      await setMeta(t.db, HEAD_META_KEY, headValue(t.key, 10, mac10));
      expect(await verify()).toEqual(broken(20, null, 'truncated'));
    });

    it('a head that is missing, malformed or not the MAC of the last entry', async () => {
      for (const value of [null, 'garbage', `30:${randomMac()}`, `29:${randomMac()}`]) {
        if (value === null) await t.db.run('DELETE FROM meta WHERE key = ?', [HEAD_META_KEY]);
        else await setMeta(t.db, HEAD_META_KEY, value);
        expect(await verify(), String(value)).toEqual(broken(30, null, 'truncated'));
      }
    });

    it('stays visible after the app appends more entries', async () => {
      await t.db.run('DELETE FROM audit_log WHERE id > 27');
      await t.db.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
      expect(await t.db.transaction((tx) => appendAudit(tx, t.key, sampleEntry(31)))).toBe(31);
      expect(await verify()).toEqual(broken(28, 28, 'missing_or_reordered'));
    });

    it('cannot tell a rollback to an exact earlier state (trail and head together) from that state', async () => {
      // A limit of any chain kept inside the file: catching it needs a copy of the head kept elsewhere.
      const head = await getMeta(t.db, HEAD_META_KEY);
      await seed(t, 5, 31);
      await t.db.run('DELETE FROM audit_log WHERE id > 30');
      await setMeta(t.db, HEAD_META_KEY, head ?? '');
      expect(await verify()).toEqual({ ok: true, entries: 30 });
    });
  });

  it('reports a break far into a long trail', async () => {
    await seed(t, 2470, 31);
    await t.db.run("UPDATE audit_log SET details = '{}' WHERE id = 1777");
    expect(await verify()).toEqual(broken(2500, 1777, 'altered'));
    await t.db.run('DELETE FROM audit_log WHERE id = 1500');
    expect(await verify()).toEqual(broken(2499, 1500, 'missing_or_reordered'));
  });
});
