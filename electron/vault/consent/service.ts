/**
 * The consent service (`consent.*`, `brankas consent`): the one place a customer's consent is read
 * and recorded. Rules the vault holds, never the renderer:
 * - only an active purpose whose basis is consent takes entries (`invalid_input` naming `purposeKey`);
 * - nothing is assumed: a purpose nobody asked about is `none`, which counts as no consent;
 * - a child (under 18 by the birthday on file, or ticked `minor`) gives consent through a parent or
 *   guardian, named with their relation (`invalid_input` on `guardian` without one); withdrawing or
 *   refusing never waits for a guardian;
 * - evidence (≤ 10 MB) goes into the vault in the entry's transaction;
 * - each entry and its audit entry commit in one transaction, so a withdrawal is in force (the export
 *   and the list filter read `consent_current`) the moment it commits.
 * Reading a customer's history is recorded too (`consent.view`), like opening the customer.
 */
import { createHash } from 'node:crypto';
import {
  ADULT_AGE,
  EVIDENCE_MAX_BYTES,
  type AuditAction,
  type ConsentRow,
  type ConsentState,
  type CustomerConsent,
  type Guardian,
  type RecordConsentInput,
} from '../../contract';
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { localDate } from '../notice/data';
import { listPurposes } from '../purposes/repository';
import { appendRequestEvent, assertConcerns } from '../requests/repository';
import { appendConsent, currentEntries, getEvidence, insertEvidence, listEntries, noticeInForce } from './repository';

/** A file already read by the caller (the CLI from its argument, the app from the picked path). */
export interface EvidenceFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

export interface ConsentService {
  /** The customer's rows (one per consent purpose) and whole history; records `consent.view`. */
  get(customerId: number): Promise<CustomerConsent>;
  record(input: Omit<RecordConsentInput, 'evidence'>, evidence?: EvidenceFile): Promise<CustomerConsent>;
  /** The evidence file's bytes, to save where the person chooses; records `consent.evidenceOpen`. */
  openEvidence(id: number, where: string): Promise<EvidenceFile & { customerId: number }>;
}

const ACTION: Record<ConsentState, AuditAction> = { given: 'consent.give', withdrawn: 'consent.withdraw', refused: 'consent.refuse' };

/** Age in whole years on `today` (ISO dates, the calendar's own arithmetic). */
export function ageOn(birthday: string, today: string): number {
  const [by, bm, bd] = birthday.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}


async function customerBirthday(q: Queryable, customerId: number): Promise<{ birthday: string | null }> {
  const row = await q.get<{ birthday: string | null }>('SELECT birthday FROM customers WHERE id = ?', [customerId]);
  if (!row) throw new VaultError('not_found', undefined, `customer ${customerId}`);
  return row;
}

async function read(q: Queryable, customerId: number, at: number): Promise<CustomerConsent> {
  const { birthday } = await customerBirthday(q, customerId);
  const [purposes, current, history, noticeVersion] = [await listPurposes(q), await currentEntries(q, customerId), await listEntries(q, customerId), await noticeInForce(q)];
  const byPurpose = new Map(current.map((e) => [e.purposeKey, e]));
  const rows: ConsentRow[] = purposes
    .filter((p) => p.needsConsent && (p.status === 'active' || byPurpose.has(p.key)))
    .map((p) => {
      const entry = byPurpose.get(p.key) ?? null;
      return { purposeKey: p.key, name: p.name, description: p.description, active: p.status === 'active', status: entry?.state ?? 'none', current: entry };
    });
  return {
    customerId,
    minorByBirthday: birthday === null ? null : ageOn(birthday, localDate(at)) < ADULT_AGE,
    rows,
    history,
    noticeVersion,
  };
}

export function createConsentService(ctx: VaultContext): ConsentService {
  const who = () => {
    const u = ctx.user();
    if (!u) throw new VaultError('locked');
    return { id: u.id, name: u.name };
  };

  return {
    get(customerId) {
      return ctx.db().transaction(async (tx) => {
        const consent = await read(tx, customerId, ctx.now());
        await ctx.recordIn(tx, { action: 'consent.view', targetType: 'customer', targetId: String(customerId), details: { entries: consent.history.length } });
        return consent;
      });
    },

    async record(input, evidence) {
      const recordedBy = who();
      if (evidence && (evidence.content.length === 0 || evidence.content.length > EVIDENCE_MAX_BYTES)) {
        throw new VaultError('invalid_input', { evidence: evidence.content.length === 0 ? 'required' : 'too_large' });
      }
      return ctx.db().transaction(async (tx) => {
        const at = ctx.now();
        const { birthday } = await customerBirthday(tx, input.customerId);
        const purpose = (await listPurposes(tx)).find((p) => p.key === input.purposeKey);
        if (!purpose) throw new VaultError('not_found', undefined, `purpose ${input.purposeKey}`);
        if (!purpose.needsConsent) throw new VaultError('invalid_input', { purposeKey: 'no_consent_needed' });
        if (purpose.status !== 'active') throw new VaultError('invalid_input', { purposeKey: 'purpose_retired' });
        const minor = input.minor === true || (birthday !== null && ageOn(birthday, localDate(at)) < ADULT_AGE);
        const guardian: Guardian | null = input.guardian ?? null;
        if (minor && input.state === 'given' && !guardian) throw new VaultError('invalid_input', { guardian: 'guardian_required' });

        const evidenceId = evidence
          ? await insertEvidence(tx, {
              customerId: input.customerId,
              fileName: evidence.fileName,
              mediaType: evidence.mediaType,
              sha256: createHash('sha256').update(evidence.content).digest('hex'),
              content: evidence.content,
              at,
            })
          : null;
        const noticeVersion = await noticeInForce(tx);
        const entryId = await appendConsent(tx, {
          customerId: input.customerId,
          purposeKey: purpose.key,
          state: input.state,
          at,
          method: input.method,
          recordedBy,
          noticeVersion,
          evidenceId,
          guardian,
        });
        if (input.requestNumber !== undefined) {
          await assertConcerns(tx, input.requestNumber, input.customerId);
          await appendRequestEvent(tx, input.requestNumber, { at, kind: 'consent', by: recordedBy, detail: { purpose: purpose.key, state: input.state, entry: entryId } });
        }
        await ctx.recordIn(tx, {
          action: ACTION[input.state],
          targetType: 'customer',
          targetId: String(input.customerId),
          details: { purpose: purpose.key, method: input.method, entry: entryId, noticeVersion, evidence: evidenceId !== null, guardian: guardian !== null, ...(input.requestNumber !== undefined ? { request: input.requestNumber } : {}) },
        });
        return read(tx, input.customerId, at);
      });
    },

    openEvidence(id, where) {
      return ctx.db().transaction(async (tx) => {
        const file = await getEvidence(tx, id);
        if (!file) throw new VaultError('not_found', undefined, `evidence ${id}`);
        await ctx.recordIn(tx, { action: 'consent.evidenceOpen', targetType: 'customer', targetId: String(file.customerId), details: { evidence: id, to: where } });
        return { fileName: file.fileName, mediaType: file.mediaType, content: file.content, customerId: file.customerId };
      });
    },
  };
}
