/**
 * Who is at the keyboard: signing in (which, in strict mode after a restart, first unseals the
 * vault with the person's key slot), locking, and keeping the session and the sign-in list in step
 * with the staff table. A sign-in's writes (last sign-in, failure counters, a rehash) and its audit
 * entry commit in one transaction, failed or not.
 */
import type { VaultStatus } from '../../contract';
import { forgetNameOrder } from '../customers/search-order';
import { withinTransaction } from '../db/driver';
import { VaultError } from '../errors';
import type { StrictMode } from '../keys/strict';
import { getStaff, listStaff, type StaffRow } from '../staff/repository';
import { authenticate } from '../staff/sign-in';
import { toPerson, type VaultCore } from '../lifecycle/core';

type Outcome = { ok: true; person: StaffRow } | { ok: false; err: VaultError };

export class Sessions {
  /** A 2FA enrolment started but not confirmed yet: in memory only, forgotten when the session ends. */
  pendingTotp: { staffId: number; secret: string } | null = null;

  constructor(
    private readonly core: VaultCore,
    private readonly strict: StrictMode,
  ) {}

  async signIn(input: { staffId: number; password: string; otp?: string | undefined }): Promise<VaultStatus> {
    const core = this.core;
    if (core.s.state === 'sealed') await this.strict.unseal(input.staffId, input.password);
    const s = core.open();
    if (!s) throw new VaultError('no_vault');
    const db = s.vault.db;
    const outcome = await db.transaction(async (tx): Promise<Outcome> => {
      const scoped = withinTransaction(tx, db.path);
      let person: StaffRow;
      try {
        person = await authenticate(scoped, input, { now: core.now(), kdf: core.kdf, settings: core.settings });
      } catch (err) {
        // A refused sign-in still counts (the failure counter authenticate wrote) and is recorded:
        // both commit, then the refusal is thrown. A code still to be asked for is no failure.
        if (!(err instanceof VaultError) || err.code === 'otp_required') throw err;
        const target = await getStaff(scoped, input.staffId);
        if (target) await core.recordIn(tx, { action: 'auth.signInFailed', targetType: 'staff', targetId: target.id, outcome: 'failed', details: { reason: err.code } }, target);
        return { ok: false, err };
      }
      await core.recordIn(tx, { action: 'auth.signIn', details: { role: person.role, twoFactor: person.totpSecret !== null } }, person);
      return { ok: true, person };
    });
    if (!outcome.ok) throw outcome.err;
    const person = outcome.person;
    s.session = person;
    if (person.role === 'owner') s.owner = person;
    if (core.strictShare) await this.strict.refreshSlot(person, input.password, false);
    return core.changed();
  }

  /**
   * Ends the session at once (listeners stop running work, the renderer wipes its state), then
   * records it in a transaction of its own (a lock changes nothing else): the entry waits behind
   * any transaction still rolling back.
   */
  async lock(reason: 'user' | 'idle' | 'system' = 'user'): Promise<VaultStatus> {
    const core = this.core;
    const s = core.open();
    const who = s ? s.session : null;
    if (s) {
      s.session = null;
      forgetNameOrder(s.vault.db); // ids only, but derived from names: not kept while locked
    }
    core.pendingCode = null;
    this.pendingTotp = null;
    const status = core.changed();
    if (who) await core.record({ action: reason === 'user' ? 'auth.signOut' : 'auth.lock', details: { reason } }, who).catch(() => undefined);
    return status;
  }

  /** The sign-in list, re-read after people were added, renamed, disabled or re-enabled. */
  async refreshPeople(): Promise<void> {
    const s = this.core.open();
    if (!s) return;
    this.core.people = (await listStaff(s.vault.db)).filter((p) => p.status === 'active').map(toPerson);
  }

  /** Re-reads the signed-in person (after their own account changed) and tells the renderer. */
  async refreshSession(): Promise<VaultStatus> {
    const s = this.core.open();
    if (s?.session) {
      const fresh = await getStaff(s.vault.db, s.session.id);
      if (fresh) s.session = fresh;
    }
    return this.core.changed();
  }
}
