/**
 * Managing people (the `staff.*` channels): accounts, roles, passwords set by the Owner, the
 * 90-day access review. The router has already checked `staff.manage`; these rules hold anyway:
 * the Owner role is never given or taken, and a disabled account keeps its history.
 */
import {
  UNUSED_ACCOUNT_DAYS,
  type AccessOverview,
  type AccessReviewInput,
  type CreateStaffInput,
  type ResetStaffPasswordInput,
  type StaffMember,
  type UpdateStaffInput,
  ACCESS_REVIEW_DAYS,
} from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { hashPassword } from '../keys/password';
import { setMeta } from '../meta';
import type { VaultService } from '../service';
import { assertStrongPassword } from './passwords';
import { findStaffByName, getStaff, insertStaff, listStaff, setTotp, updatePasswordHash, updateStaffFields, type StaffRow } from './repository';

const DAY = 24 * 60 * 60 * 1000;
/** The `meta` key the vault reads the last access review from when it opens. */
const ACCESS_REVIEW_META = 'access_review_at';

export function toMember(p: StaffRow, now: number, require2fa: readonly string[], slotHolders: Set<number> | null): StaffMember {
  const lastUse = p.lastSignInAt ?? p.createdAt;
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    status: p.status,
    totpEnabled: p.totpSecret !== null,
    totpRequired: p.totpSecret === null && require2fa.includes(p.role),
    reason: p.reason,
    createdAt: p.createdAt,
    lastSignInAt: p.lastSignInAt,
    lastReviewedAt: p.lastReviewedAt,
    unused: p.status === 'active' && now - lastUse >= UNUSED_ACCOUNT_DAYS * DAY,
    hasKeySlot: slotHolders ? slotHolders.has(p.id) : true,
  };
}

export function createStaffService(vault: VaultService, now: () => number = Date.now) {
  const db = () => vault.db();
  const member = (p: StaffRow) => toMember(p, now(), vault.settingsNow().require2faRoles, vault.isStrict() ? vault.slotHolders() : null);
  const loadIn = async (q: Queryable, id: number): Promise<StaffRow> => {
    const p = await getStaff(q, id);
    if (!p) throw new VaultError('not_found', undefined, `staff ${id}`);
    return p;
  };
  const load = (id: number): Promise<StaffRow> => loadIn(db(), id);
  const assertNameFree = async (q: Queryable, name: string, self?: number) => {
    const other = await findStaffByName(q, name);
    if (other && other.id !== self) throw new VaultError('name_taken');
  };
  const notOwner = (p: StaffRow) => {
    if (p.role === 'owner') throw new VaultError('last_owner');
  };

  async function overview(): Promise<AccessOverview> {
    const people = (await listStaff(db())).map(member);
    const last = vault.accessReviewedAt();
    return { people, lastReviewAt: last || null, reviewDue: now() - last >= ACCESS_REVIEW_DAYS * DAY, nextReviewAt: last + ACCESS_REVIEW_DAYS * DAY };
  }

  return {
    list: overview,

    async create(input: CreateStaffInput): Promise<StaffMember> {
      await assertNameFree(db(), input.name);
      assertStrongPassword(input.password, [input.name]);
      // Hashed before the transaction: scrypt takes a while and nobody should wait on it.
      const hash = await hashPassword(input.password, vault.kdf);
      const created = await db().transaction(async (tx) => {
        const id = await insertStaff(tx, { name: input.name, role: input.role, passwordHash: hash, reason: input.reason }, now());
        await vault.recordIn(tx, { action: 'staff.create', targetType: 'staff', targetId: id, details: { role: input.role } });
        return loadIn(tx, id);
      });
      // Files and memory follow the committed change (a slot for an account that was never made
      // would be worse than a missing one, which the Owner sees in the list).
      await vault.refreshPeople();
      await vault.refreshSlot(created, input.password);
      return member(created);
    },

    async update(input: UpdateStaffInput): Promise<StaffMember> {
      const after = await db().transaction(async (tx) => {
        const before = await loadIn(tx, input.id);
        const changesRoleOrStatus = input.role !== undefined || input.status !== undefined;
        if (changesRoleOrStatus) notOwner(before);
        if (input.id === vault.user()?.id && input.status === 'disabled') throw new VaultError('last_owner');
        if (input.name !== undefined) await assertNameFree(tx, input.name, input.id);
        await updateStaffFields(tx, input.id, { name: input.name, role: input.role, reason: input.reason, status: input.status }, now());
        const changed = (['name', 'role', 'reason', 'status'] as const).filter((k) => input[k] !== undefined && input[k] !== before[k]);
        await vault.recordIn(tx, {
          action: 'staff.update',
          targetType: 'staff',
          targetId: before.id,
          details: { changed, ...(input.role && input.role !== before.role ? { fromRole: before.role, toRole: input.role } : {}), ...(input.status ? { status: input.status } : {}) },
        });
        return loadIn(tx, input.id);
      });
      await vault.refreshPeople();
      if (after.status === 'disabled') vault.dropSlot(after.id);
      else await vault.refreshSlot(after, null);
      return member(after);
    },

    async resetPassword(input: ResetStaffPasswordInput): Promise<StaffMember> {
      const p = await load(input.id);
      assertStrongPassword(input.password, [p.name]);
      const hash = await hashPassword(input.password, vault.kdf);
      await db().transaction(async (tx) => {
        await updatePasswordHash(tx, p.id, hash, now());
        await vault.recordIn(tx, { action: 'staff.passwordReset', targetType: 'staff', targetId: p.id });
      });
      // A disabled account has no key slot (strict mode) and a new password must not give it one.
      if (p.status === 'active') await vault.refreshSlot(p, input.password);
      return member(await load(p.id));
    },

    async resetTotp(id: number): Promise<StaffMember> {
      const p = await load(id);
      await db().transaction(async (tx) => {
        await setTotp(tx, p.id, null, now());
        await vault.recordIn(tx, { action: 'auth.totpDisabled', targetType: 'staff', targetId: p.id, details: { by: 'manager' } });
      });
      return member(await load(p.id));
    },

    async review(input: AccessReviewInput): Promise<AccessOverview> {
      const me = vault.user();
      const t = now();
      // Every decision, its entry and the review mark commit together, or none of them does.
      await db().transaction(async (tx) => {
        for (const d of input.decisions) {
          const p = await getStaff(tx, d.id);
          if (!p) throw new VaultError('not_found', undefined, `staff ${d.id}`);
          if (p.role === 'owner' && (d.decision === 'disable' || d.role)) throw new VaultError('last_owner');
          if (d.decision === 'disable' && p.id === me?.id) throw new VaultError('last_owner');
          await updateStaffFields(tx, p.id, { reason: d.reason, lastReviewedAt: t, ...(d.role && p.role !== 'owner' ? { role: d.role } : {}), ...(d.decision === 'disable' ? { status: 'disabled' } : {}) }, t);
          await vault.recordIn(tx, { action: 'staff.review', targetType: 'staff', targetId: d.id, details: { decision: d.decision, ...(d.role ? { role: d.role } : {}) } });
        }
        await setMeta(tx, ACCESS_REVIEW_META, String(t));
      });
      for (const d of input.decisions) {
        if (d.decision === 'disable') vault.dropSlot(d.id);
        else if (d.role) await vault.refreshSlot(await load(d.id), null); // the slot's label follows the role
      }
      // The mark is already stored with the decisions; this brings the vault's in-memory copy (the
      // home screen's "review due") in step. Its own write only repeats the stored one, so a failure
      // there must not report the committed review as failed.
      await vault.markAccessReviewed().catch(() => undefined);
      await vault.refreshPeople();
      return overview();
    },
  };
}
