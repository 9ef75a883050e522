/**
 * The property every channel is fuzzed against, through the real router:
 *   - the call resolves (never throws or rejects) to a Result;
 *   - a refusal carries a typed code from the contract, never `internal`, never `unknown_channel`
 *     for a known channel, and field codes from the contract;
 *   - an answer crosses Electron's IPC (structured clone);
 *   - a Cashier or Viewer never gets the station customer's phone or e-mail unmasked (but by a reveal);
 *   - on a station whose state or role the contract refuses the channel, the answer is a refusal
 *     by the router's own checks, whatever the input;
 *   - a refusal changes nothing: the vault's tables (all but the audit trail) hash the same, the
 *     trail gained only the entries a refusal is meant to leave ('access.denied', and a failed
 *     sign-in's 'auth.signInFailed'), the status is the same, and a vault-less folder holds the same files.
 */
import { createHash } from 'node:crypto';
import { can, channels, errorCodes, fieldErrorCodes, type ChannelName, type Result } from '../../contract';
import { HEAD_META_KEY } from '../../vault/audit/chain';
import type { Queryable } from '../../vault/db/driver';
import { fingerprint } from '../../vault/testing';
import { APP, type Station } from './stations';

interface Snapshot {
  status: string;
  files: string | null;
  /** table → hash of its rows; null without an open vault. */
  tables: Record<string, string> | null;
  auditMax: number;
  auditCount: number;
}

/** A refusal may leave these trail entries: the refused permission, and (signing in only) the failed attempt. */
const REFUSAL_ENTRIES = new Set(['access.denied']);
const FAILED_SIGN_IN_ENTRIES = new Set(['access.denied', 'auth.signInFailed']);
/**
 * Codes after which a person's failed-attempt count may have grown: every password check (signing in,
 * and the re-entered password of changePassword, disableTotp, newBackupCodes, setStrictMode) counts
 * wrong guesses, so an unlocked session cannot try passwords without limit either.
 */
const COUNTED = new Set(['wrong_password', 'wrong_otp', 'too_many_attempts']);
const ATTEMPT_COLUMNS = ['failed_attempts', 'last_failed_at'];

/** One statement that reads every table (all but the trail) as text: a snapshot in one round trip. */
async function snapshotSql(db: Queryable): Promise<string> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'sqlite_sequence') ORDER BY name");
  const parts: string[] = [];
  for (const { name } of tables) {
    const cols = (await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`)).map((c) => c.name).filter((c) => name !== 'staff' || !ATTEMPT_COLUMNS.includes(c));
    const row = cols.map((c) => `quote("${c}")`).join(" || ',' || ");
    // The trail's head record moves with the trail; the trail itself is checked entry by entry.
    const where = name === 'meta' ? ` WHERE key <> '${HEAD_META_KEY}'` : '';
    parts.push(`SELECT '${name}' AS t, (SELECT group_concat(r, char(10)) FROM (SELECT ${row} AS r FROM "${name}"${where} ORDER BY r)) AS v`);
  }
  parts.push(`SELECT 'attempts' AS t, (SELECT group_concat(id || ':' || ${ATTEMPT_COLUMNS.map((c) => `quote(${c})`).join(" || ',' || ")}, ' ') FROM staff) AS v`);
  parts.push("SELECT 'audit_log' AS t, max(id) || ',' || count(*) AS v FROM audit_log");
  return parts.join(' UNION ALL ');
}

/** Per station; the schema never changes under a station (put right, it starts a new epoch). */
const sqlCache = new WeakMap<Station, { epoch: number; sql: string }>();

async function snapshot(st: Station): Promise<Snapshot> {
  const status = JSON.stringify(st.vault.status());
  const db = st.vault.backgroundDb();
  if (!db) return { status, files: JSON.stringify(fingerprint(st.dir)), tables: null, auditMax: 0, auditCount: 0 };
  let sql = sqlCache.get(st);
  if (!sql || sql.epoch !== st.epoch) sqlCache.set(st, (sql = { epoch: st.epoch, sql: await snapshotSql(db) }));
  const hashes: Record<string, string> = {};
  let auditMax = 0;
  let auditCount = 0;
  for (const { t, v } of await db.all<{ t: string; v: string | null }>(sql.sql)) {
    if (t === 'audit_log') [auditMax, auditCount] = (v ?? '0,0').split(',').map(Number) as [number, number];
    else hashes[t] = createHash('sha256').update(v ?? '').digest('hex');
  }
  return { status, files: null, tables: hashes, auditMax, auditCount };
}

/** Empty when the refusal left the vault as it was; otherwise what changed. */
async function changes(st: Station, channel: ChannelName, code: string, before: Snapshot): Promise<{ found: string[]; after: Snapshot }> {
  const after = await snapshot(st);
  const found: string[] = [];
  if (after.status !== before.status) found.push(`status ${before.status} → ${after.status}`);
  if (after.files !== before.files) found.push('files in the data folder changed');
  const tables = new Set([...Object.keys(before.tables ?? {}), ...Object.keys(after.tables ?? {})]);
  const changed = [...tables].filter((t) => before.tables?.[t] !== after.tables?.[t] && !(t === 'attempts' && COUNTED.has(code)));
  if (changed.length) found.push(`tables changed: ${changed.join(', ')}`);
  const db = st.vault.backgroundDb();
  if (db && before.tables !== null) {
    const added = await db.all<{ action: string }>('SELECT action FROM audit_log WHERE id > ? ORDER BY id', [before.auditMax]);
    const allowed = channel === 'vault.signIn' ? FAILED_SIGN_IN_ENTRIES : REFUSAL_ENTRIES;
    const unexpected = added.filter((e) => !allowed.has(e.action)).map((e) => e.action);
    if (unexpected.length) found.push(`audit entries added: ${unexpected.join(', ')}`);
    if (after.auditCount - before.auditCount !== added.length) found.push('audit entries removed');
  }
  return { found, after };
}

export const timing = { call: 0, snap: 0 };
/** channel → answer ('ok' or the error code) → how often: shows how deep the runs reached. */
export const outcomes = new Map<ChannelName, Record<string, number>>();
const FULL = Boolean(process.env['FUZZ_FULL']);
const UNPARSED_SAMPLE = 4;
let unparsed = 0;
const cache = new WeakMap<Station, { snap: Snapshot; epoch: number }>();

const codes = new Set<string>(errorCodes);
/** What the router's own checks answer before a handler runs. */
const GATE_CODES = new Set<string>(['invalid_input', 'no_vault', 'vault_exists', 'locked', 'conflict', 'forbidden']);
const fieldCodes = new Set<string>(fieldErrorCodes);

/** Why `r` is not an answer the contract allows, or null. */
function badAnswer(r: unknown): string | null {
  if (!r || typeof r !== 'object') return `not a Result: ${String(r)}`;
  const res = r as Result<unknown>;
  if (res.ok === true) {
    try {
      structuredClone(res.value);
    } catch {
      return 'value cannot cross IPC';
    }
    return null;
  }
  if (res.ok !== false) return 'not a Result';
  const { code, fields } = res.error;
  if (!codes.has(code)) return `untyped code ${String(code)}`;
  if (code === 'internal') return 'internal';
  if (code === 'unknown_channel') return 'unknown_channel for a known channel';
  if (fields && Object.values(fields).some((f) => !fieldCodes.has(f))) return `untyped field code in ${JSON.stringify(fields)}`;
  return null;
}

/** One fuzz run: calls `channel` on the station with `input` and throws (failing the run) on any breach. */
export async function checkCall(st: Station, channel: ChannelName, input: unknown): Promise<void> {
  // An input its schema refuses is refused first of all (the router parses before any other check):
  // its answer must be exactly invalid_input. Whether it changed the vault is checked on every
  // UNPARSED_SAMPLE-th such run (FUZZ_FULL=1: on all) — a change made by one left unchecked still
  // shows at the station's next checked refusal, which compares with the snapshot from before it.
  const parses = channels[channel].input.safeParse(input).success;
  const checked = parses || FULL || ++unparsed % UNPARSED_SAMPLE === 0;
  // The snapshot taken after the last refusal still holds if nothing ran since (most runs are refusals).
  const cached = cache.get(st);
  const ts = performance.now();
  const before = cached && cached.epoch === st.epoch ? cached.snap : checked ? await snapshot(st) : null;
  timing.snap += performance.now() - ts;
  if (checked) cache.delete(st);
  let r: Result<unknown>;
  const t0 = performance.now();
  try {
    r = await st.router.handle(APP, channel, input);
    timing.call += performance.now() - t0;
  } catch (err) {
    throw new Error(`${channel} on ${st.name} threw: ${String(err)}`);
  }
  const outcome = r.ok ? 'ok' : r.error.code;
  outcomes.set(channel, { ...outcomes.get(channel), [outcome]: (outcomes.get(channel)?.[outcome] ?? 0) + 1 });
  const bad = badAnswer(r);
  const internal = st.internalErrors.splice(0);
  if (bad || internal.length) {
    throw new Error(`${channel} on ${st.name}: ${bad ?? 'internal error reported'} ${internal.map((e) => String(e.err)).join('; ')}`);
  }
  if (!parses && (r.ok || r.error.code !== 'invalid_input')) throw new Error(`${channel} on ${st.name}: an input its schema refuses got ${outcome}`);
  // …and says which field is wrong (the renderer shows it there); the whole input is "_".
  if (!parses && !r.ok && Object.keys(r.error.fields ?? {}).length === 0) throw new Error(`${channel} on ${st.name}: invalid_input that names no field`);
  // The state and role checks hold for every input: a station the contract does not admit the
  // channel on gets a refusal, and one that says why (state, role or input), never the handler's.
  if (!admits(channel, st.name)) {
    if (r.ok) throw new Error(`${channel} answered on ${st.name}, which its access (${channels[channel].access}) and permission refuse`);
    if (!GATE_CODES.has(r.error.code)) throw new Error(`${channel} on ${st.name} reached its handler (${r.error.code})`);
  }
  if (r.ok && leaks(st.name, channel, r.value)) throw new Error(`${channel} on ${st.name} showed a sensitive value unmasked to a role that may not see it`);
  if (r.ok) cache.delete(st);
  else if (checked && before) {
    const tc = performance.now();
    const { found, after } = await changes(st, channel, r.error.code, before);
    timing.snap += performance.now() - tc;
    if (!found.length) cache.set(st, { snap: after, epoch: st.epoch });
    if (found.length) throw new Error(`${channel} on ${st.name} refused with ${r.error.code} but the vault changed since the last check: ${found.join('; ')}`);
  }
}

/**
 * The station's customer has this phone and e-mail (stations.ts). A role without
 * customers.viewSensitive sees them masked everywhere; only a reveal (recorded) shows one in full.
 */
const SENSITIVE = [/81234567890/, /budi@contoh\.co\.id/i];
/** The fields a customer record masks for such a role (a name, a note or a purchase's description is whatever was typed). */
const MASKED_KEYS = ['phone', 'phoneDisplay', 'email', 'address', 'birthday'];
function leaks(station: Station['name'], channel: ChannelName, value: unknown): boolean {
  if (station !== 'staff' && station !== 'viewer') return false;
  if (channel === 'customers.reveal') return false;
  const shows = (v: unknown): boolean => SENSITIVE.some((re) => re.test(JSON.stringify(v ?? null).replace(/[-\s]/g, '')));
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 8 || v === null || typeof v !== 'object') return false;
    if (Array.isArray(v)) return v.some((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    // A customer record (it carries `masked`): the fields masked for this role.
    if (Array.isArray(o.masked) && MASKED_KEYS.some((k) => shows(o[k]))) return true;
    return Object.values(o).some((x) => walk(x, depth + 1));
  };
  return walk(value, 0);
}

/** Whether a channel's state and permission let it through on this station (such runs are weighted up). */
export function admits(channel: ChannelName, station: Station['name']): boolean {
  const { access, permission } = channels[channel];
  switch (access) {
    case 'any':
      return true;
    case 'no_vault':
      return station === 'none';
    case 'not_open':
      return station === 'none' || station === 'recovery';
    case 'needs_recovery':
      return station === 'recovery';
    case 'locked':
      return station === 'locked';
    case 'unlocked':
      if (station === 'none' || station === 'recovery' || station === 'locked') return false;
      return permission === null || station === 'owner' || can(station, permission);
  }
}
