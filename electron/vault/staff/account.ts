/**
 * The signed-in person's own account (`account.*`): password, two-factor enrolment and backup
 * codes. The TOTP secret is shown once while enrolling and is never sent again.
 */
import type { BackupCodes, TotpEnrolment } from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { generateBackupCodes } from '../keys/backup-codes';
import { hashPassword } from '../keys/password';
import { checkTotp, generateTotpSecret, totpQrDataUrl, totpUri } from '../keys/totp';
import type { VaultService } from '../service';
import { assertStrongPassword } from './passwords';
import { replaceBackupCodes, setTotp, setTotpLastStep, updatePasswordHash, type StaffRow } from './repository';
import { authenticate } from './sign-in';

const groups = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim();

export function createAccountService(vault: VaultService, now: () => number = Date.now) {
  const me = (): StaffRow => {
    const u = vault.user();
    if (!u) throw new VaultError('locked');
    return u;
  };
  const confirmPassword = (password: string) =>
    authenticate(vault.db(), { staffId: me().id, password, passwordOnly: true }, { now: now(), kdf: vault.kdf, settings: vault.settingsNow() });
  /** New backup codes and their entry, inside the caller's transaction: shown only once both commit. */
  const issueBackupCodes = async (tx: Queryable, person: StaffRow): Promise<BackupCodes> => {
    const { codes, hashes } = generateBackupCodes();
    await replaceBackupCodes(tx, person.id, hashes);
    await vault.recordIn(tx, { action: 'auth.backupCodesIssued', targetType: 'staff', targetId: person.id, details: { count: codes.length } });
    return { codes };
  };

  return {
    async changePassword(input: { current: string; next: string }): Promise<{ changed: true }> {
      const person = me();
      // The new password is judged first: a weak one is refused before the current one is checked,
      // so a refused change leaves even the sign-in attempt counters as they were.
      assertStrongPassword(input.next, [person.name], 'next');
      await confirmPassword(input.current);
      const hash = await hashPassword(input.next, vault.kdf);
      await vault.db().transaction(async (tx) => {
        await updatePasswordHash(tx, person.id, hash, now());
        await vault.recordIn(tx, { action: 'auth.passwordChanged', targetType: 'staff', targetId: person.id });
      });
      // The key slot (strict mode) follows the committed password, never one that was rolled back.
      await vault.refreshSlot(person, input.next);
      return { changed: true };
    },

    async beginTotp(): Promise<TotpEnrolment> {
      const person = me();
      // Replacing a working second factor goes through "turn off" first, which asks for the password.
      if (person.totpSecret) throw new VaultError('conflict');
      const secret = generateTotpSecret();
      vault.pendingTotp = { staffId: person.id, secret };
      const uri = totpUri({ secret, account: person.name, issuer: 'Brankas' });
      return { qrDataUrl: await totpQrDataUrl(uri), manualKey: groups(secret), uri };
    },

    async confirmTotp(input: { code: string }): Promise<BackupCodes> {
      const person = me();
      const p = vault.pendingTotp;
      if (!p || p.staffId !== person.id) throw new VaultError('conflict');
      const check = checkTotp(p.secret, input.code, now(), null);
      if (!check.ok) throw new VaultError('wrong_otp');
      // Enrolment, its backup codes and both entries commit together: two-factor is never on
      // without codes the person was shown, nor unrecorded.
      const codes = await vault.db().transaction(async (tx) => {
        await setTotp(tx, person.id, p.secret, now());
        await setTotpLastStep(tx, person.id, check.step);
        await vault.recordIn(tx, { action: 'auth.totpEnrolled', targetType: 'staff', targetId: person.id });
        return issueBackupCodes(tx, person);
      });
      // Only now: after a rollback the same QR code can still be confirmed.
      vault.pendingTotp = null;
      await vault.refreshSession();
      return codes;
    },

    async disableTotp(input: { password: string }) {
      const person = me();
      await confirmPassword(input.password);
      if (vault.settingsNow().require2faRoles.includes(person.role)) throw new VaultError('totp_enrolment_required');
      await vault.db().transaction(async (tx) => {
        await setTotp(tx, person.id, null, now());
        await vault.recordIn(tx, { action: 'auth.totpDisabled', targetType: 'staff', targetId: person.id });
      });
      return vault.refreshSession();
    },

    async newBackupCodes(input: { password: string }): Promise<BackupCodes> {
      const person = me();
      if (!person.totpSecret) throw new VaultError('conflict');
      await confirmPassword(input.password);
      return vault.db().transaction((tx) => issueBackupCodes(tx, person));
    },
  };
}
