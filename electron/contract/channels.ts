import type { z } from 'zod';
import {
  CustomerRef,
  SaveCustomerInput,
  SearchCustomersInput,
  TagsInput,
  type Customer,
  type CustomerPage,
  type TagCount,
} from './customers';
import { CreateCustomFieldInput, FieldRef, UpdateFieldInput, type FieldDef, type FieldUsage } from './fields';
import { ListPurchasesInput, PurchaseRef, SavePurchaseInput, type Purchase } from './purchases';
import {
  AppExportInput,
  ImportMappingInput,
  ImportSource,
  RunImportInput,
  type DryRunResult,
  type ExportResult,
  type ImportFile,
  type ImportPreview,
  type ImportResult,
  type JobProgress,
} from './transfer';
import {
  ConfirmRecoveryInput,
  CreateVaultInput,
  EmptyInput,
  LockInput,
  RecoverInput,
  SettingsInput,
  SignInInput,
  type RecoveryCodeIssue,
  type Settings,
  type VaultStatus,
} from './vault';
import type { DemoStatus } from './demo';
import type { Result } from './errors';
import { def } from './channel-def';
import { purposeChannels } from './purposes-channels';
import { consentChannels } from './consent-channels';
import { noticeChannels } from './notice-channels';
import { erasureChannels } from './erasure-channels';
import { accessChannels } from './access-channels';
import { requestChannels } from './requests-channels';
import {
  AccessReviewInput,
  ChangePasswordInput,
  CreateStaffInput,
  DisableTotpInput,
  ResetStaffPasswordInput,
  StaffRef,
  StrictModeInput,
  TotpCodeInput,
  UpdateStaffInput,
  type AccessOverview,
  type BackupCodes,
  type StaffMember,
  type TotpEnrolment,
} from './staff';
import { AuditExportInput, AuditQueryInput, type AuditPage, type AuditVerification } from './audit';
import { RevealInput, type RevealedValue } from './customers';
import {
  BackupNowInput,
  BackupScheduleInput,
  PickFolderInput,
  SetupBackupInput,
  UnlockBackupInput,
  type BackupInfo,
  type BackupResult,
  type BackupStatus,
  type RestoreOutcome,
} from './backup';

export type { Access } from './channel-def';

/** While an account the Owner requires 2FA for has not enrolled, only these channels are open to it. */
export const enrolmentChannels = ['vault.status', 'vault.lock', 'account.beginTotp', 'account.confirmTotp', 'account.changePassword'] as const;

/** Every channel across the bridge: name → strict input schema, output type, required state. */
export const channels = {
  'vault.status': def<VaultStatus>()(EmptyInput, 'any'),
  'vault.create': def<RecoveryCodeIssue>()(CreateVaultInput, 'no_vault'),
  'vault.recover': def<VaultStatus>()(RecoverInput, 'needs_recovery'),
  'vault.signIn': def<VaultStatus>()(SignInInput, 'locked'),
  'vault.lock': def<VaultStatus>()(LockInput, 'unlocked', null),
  'vault.newRecoveryCode': def<RecoveryCodeIssue>()(EmptyInput, 'unlocked', 'security.manage'),
  'vault.confirmRecoveryCode': def<VaultStatus>()(ConfirmRecoveryInput, 'unlocked', 'security.manage'),
  'settings.save': def<Settings>()(SettingsInput, 'unlocked', 'settings.manage'),
  'customers.search': def<CustomerPage>()(SearchCustomersInput, 'unlocked', 'customers.view'),
  'customers.get': def<Customer>()(CustomerRef, 'unlocked', 'customers.view'),
  'customers.save': def<Customer>()(SaveCustomerInput, 'unlocked', 'customers.edit'),
  'customers.remove': def<{ id: number }>()(CustomerRef, 'unlocked', 'customers.delete'),
  'customers.tags': def<TagCount[]>()(TagsInput, 'unlocked', 'customers.view'),
  'customers.markVerified': def<Customer>()(CustomerRef, 'unlocked', 'customers.edit'),
  /** One masked value shown in full; recorded in the audit trail. */
  'customers.reveal': def<RevealedValue>()(RevealInput, 'unlocked', 'customers.reveal'),
  ...erasureChannels,
  'fields.list': def<FieldDef[]>()(EmptyInput, 'unlocked', 'customers.view'),
  'fields.update': def<FieldDef[]>()(UpdateFieldInput, 'unlocked', 'settings.manage'),
  'fields.usage': def<FieldUsage>()(FieldRef, 'unlocked', 'settings.manage'),
  'fields.createCustom': def<FieldDef[]>()(CreateCustomFieldInput, 'unlocked', 'settings.manage'),
  'fields.deleteCustom': def<FieldDef[]>()(FieldRef, 'unlocked', 'settings.manage'),
  ...purposeChannels,
  ...consentChannels,
  ...noticeChannels,
  ...accessChannels,
  ...requestChannels,
  'purchases.list': def<Purchase[]>()(ListPurchasesInput, 'unlocked', 'customers.view'),
  'purchases.save': def<Purchase>()(SavePurchaseInput, 'unlocked', 'customers.edit'),
  'purchases.remove': def<{ id: number }>()(PurchaseRef, 'unlocked', 'customers.edit'),
  /** Shows the system's open-file dialog; null when the user cancels it. */
  'import.open': def<ImportFile | null>()(EmptyInput, 'unlocked', 'data.import'),
  'import.inspect': def<ImportFile>()(ImportSource, 'unlocked', 'data.import'),
  'import.preview': def<ImportPreview>()(ImportMappingInput, 'unlocked', 'data.import'),
  'import.dryRun': def<DryRunResult>()(ImportMappingInput, 'unlocked', 'data.import'),
  'import.run': def<ImportResult>()(RunImportInput, 'unlocked', 'data.import'),
  /** Stops a running dry run or import; an import rolls back, leaving the vault as it was. */
  'import.cancel': def<{ cancelled: boolean }>()(EmptyInput, 'unlocked', 'data.import'),
  /** Saves the invalid rows of the last dry run/import as CSV through the save dialog; null if cancelled. */
  'import.saveReport': def<{ fileName: string } | null>()(ImportSource, 'unlocked', 'data.import'),
  /** Writes an export for a named purpose through the save dialog; null if cancelled. */
  'export.run': def<ExportResult | null>()(AppExportInput, 'unlocked', 'data.export'),
  /** Stops a running export: its temporary file goes, nothing is left at the chosen path. */
  'export.cancel': def<{ cancelled: boolean }>()(EmptyInput, 'unlocked', 'data.export'),
  // Own account: any signed-in person.
  'account.changePassword': def<{ changed: true }>()(ChangePasswordInput, 'unlocked', null),
  /** Starts 2FA enrolment: a new secret shown once as QR code and manual key; confirmed by a first code. */
  'account.beginTotp': def<TotpEnrolment>()(EmptyInput, 'unlocked', null),
  /** The first code from the authenticator turns 2FA on and issues the one-time backup codes. */
  'account.confirmTotp': def<BackupCodes>()(TotpCodeInput, 'unlocked', null),
  'account.disableTotp': def<VaultStatus>()(DisableTotpInput, 'unlocked', null),
  'account.newBackupCodes': def<BackupCodes>()(DisableTotpInput, 'unlocked', null),
  // People and the access review.
  'staff.list': def<AccessOverview>()(EmptyInput, 'unlocked', 'staff.manage'),
  'staff.create': def<StaffMember>()(CreateStaffInput, 'unlocked', 'staff.manage'),
  'staff.update': def<StaffMember>()(UpdateStaffInput, 'unlocked', 'staff.manage'),
  'staff.resetPassword': def<StaffMember>()(ResetStaffPasswordInput, 'unlocked', 'staff.manage'),
  /** Turns 2FA off for someone who lost their phone and backup codes. */
  'staff.resetTotp': def<StaffMember>()(StaffRef, 'unlocked', 'staff.manage'),
  'staff.review': def<AccessOverview>()(AccessReviewInput, 'unlocked', 'staff.manage'),
  /** Strict mode: the keychain entry alone opens nothing; each account's password unwraps the key. */
  'security.setStrictMode': def<VaultStatus>()(StrictModeInput, 'unlocked', 'security.manage'),
  // Backups (one SQLCipher file keyed by the backup passphrase) and restore.
  'backup.status': def<BackupStatus>()(EmptyInput, 'unlocked', 'backup.manage'),
  /** Sets (or changes) the backup passphrase; only its derived key is kept, inside the vault. */
  'backup.setup': def<BackupStatus>()(SetupBackupInput, 'unlocked', 'security.manage'),
  'backup.saveSchedule': def<BackupStatus>()(BackupScheduleInput, 'unlocked', 'backup.manage'),
  /** The scheduled backups' folder, chosen with the system dialog; null when cancelled. */
  'backup.pickFolder': def<BackupStatus | null>()(PickFolderInput, 'unlocked', 'backup.manage'),
  /** Backs up now: to a folder chosen with the system dialog (null when cancelled) or the schedule's folder. */
  'backup.run': def<BackupResult | null>()(BackupNowInput, 'unlocked', 'backup.manage'),
  /** Stops a running backup: its temporary file goes, nothing that looks like a backup is left. */
  'backup.cancel': def<{ cancelled: boolean }>()(EmptyInput, 'unlocked', 'backup.manage'),
  /** Picks a backup file with the system dialog; null when cancelled. */
  'restore.open': def<{ fileId: string; fileName: string } | null>()(EmptyInput, 'unlocked', 'backup.manage'),
  /** Opens the picked file with the passphrase and verifies it; nothing is changed. */
  'restore.inspect': def<BackupInfo>()(UnlockBackupInput, 'unlocked', 'backup.manage'),
  /** Restores into a new vault with a new key, then swaps; the previous vault is kept. Ends the session. */
  'restore.run': def<RestoreOutcome>()(UnlockBackupInput, 'unlocked', 'backup.manage'),
  /** After a restore: keep the restored vault and delete the previous one for real. */
  'restore.confirm': def<VaultStatus>()(EmptyInput, 'unlocked', 'backup.manage'),
  /** After a restore: put the previous vault back. */
  'restore.undo': def<VaultStatus>()(EmptyInput, 'unlocked', 'backup.manage'),
  /**
   * Stops a restore while it is still building the new vault (the live one is untouched); once the
   * swap has begun it finishes. Open in any state: a first-run restore has nobody signed in.
   */
  'restore.cancel': def<{ cancelled: boolean }>()(EmptyInput, 'any'),
  /** After a restore (the session has ended): the new recovery code typed back, before anyone signs in. */
  'restore.confirmCode': def<VaultStatus>()(ConfirmRecoveryInput, 'locked'),
  // Restore before anyone can sign in: on a new PC (first-run screen, no vault here yet), or when the
  // vault here cannot be opened (recovery or "cannot be opened" screen; its files are kept).
  'restore.openFirstRun': def<{ fileId: string; fileName: string } | null>()(EmptyInput, 'not_open'),
  'restore.inspectFirstRun': def<BackupInfo>()(UnlockBackupInput, 'not_open'),
  'restore.runFirstRun': def<RestoreOutcome>()(UnlockBackupInput, 'not_open'),
  // The audit trail.
  'audit.list': def<AuditPage>()(AuditQueryInput, 'unlocked', 'audit.view'),
  'audit.verify': def<AuditVerification>()(EmptyInput, 'unlocked', 'audit.view'),
  /** Writes the filtered trail as CSV through the save dialog; null if cancelled. */
  'audit.export': def<{ fileName: string; rows: number } | null>()(AuditExportInput, 'unlocked', 'audit.view'),
  // Sample data (demo.ts): a separate demo vault, offered on the first-run screen.
  'demo.status': def<DemoStatus>()(EmptyInput, 'any'),
  /** Creates, seeds and signs in to a demo vault; the app serves it until it is thrown away. */
  'demo.start': def<VaultStatus>()(EmptyInput, 'no_vault'),
  /** Deletes the demo vault (folder and keychain entry); the real vault is served again. */
  'demo.discard': def<VaultStatus>()(EmptyInput, 'any'),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const channelNames = Object.keys(channels) as ChannelName[];

export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Exclude<Channels[C]['output'], undefined>;

/** Events the main process pushes to the renderer. */
export interface Events {
  /** The vault state changed: after any request, and also on its own (system idle, OS lock, suspend). */
  'vault.status': VaultStatus;
  /** Progress of a dry run, import or export. */
  'job.progress': JobProgress;
}
export type EventName = keyof Events;

export type Domain = ChannelName extends `${infer D}.${string}` ? D : never;

/** The typed client the renderer sees as `window.brankas`. */
export type BrankasClient = {
  [D in Domain]: {
    [C in ChannelName as C extends `${D}.${infer M}` ? M : never]: (
      // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "{} extends X": X has no required field, so the argument is optional
      ...args: {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
    ) => Promise<Result<OutputOf<C>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};
