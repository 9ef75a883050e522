/**
 * What each channel records in the audit trail (DESIGN.md §3: a change and its entry commit in one
 * transaction). Every channel must say it here — the map is checked against the contract by the
 * compiler, so a new channel cannot be added unaudited by forgetting:
 *
 * - `nothing`: reads or changes nothing personal (status, lists of fields or staff, progress, cancel,
 *   a file picked but not yet imported). The audit-coverage test proves it: such a call changes no
 *   customer data and returns none.
 * - `view`: shows customer data. The router runs the handler and writes the entry in one
 *   transaction; the data goes back only once the entry has committed (none if it cannot be written).
 * - `change`: changes customer data. The router runs the handler inside one transaction and writes
 *   the entry in it before COMMIT: if the entry cannot be written, the change is rolled back.
 * - `own`: the service writes its own entries inside the transaction of its change (sign-in, staff,
 *   settings, security, backup, restore), or — for work that ends in a file (an export, a backup) —
 *   before the file is put in place, so a failed entry leaves no file.
 */
import type { AuditAction } from './audit';
import type { ChannelName } from './channels';

export type Records =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'view'; readonly actions: readonly AuditAction[] }
  | { readonly kind: 'change'; readonly actions: readonly AuditAction[] }
  | { readonly kind: 'own'; readonly actions: readonly AuditAction[] };

const nothing = { kind: 'nothing' } as const;
const view = <A extends AuditAction>(...actions: A[]) => ({ kind: 'view', actions }) as const;
const change = <A extends AuditAction>(...actions: A[]) => ({ kind: 'change', actions }) as const;
const own = <A extends AuditAction>(...actions: A[]) => ({ kind: 'own', actions }) as const;

export const channelRecords = {
  'vault.status': nothing,
  'vault.create': own('auth.signIn'),
  'vault.recover': own('auth.unlock'),
  'vault.signIn': own('auth.signIn', 'auth.signInFailed'),
  'vault.lock': own('auth.signOut', 'auth.lock'),
  'vault.newRecoveryCode': own('recovery.newCode'),
  'vault.confirmRecoveryCode': nothing,
  'settings.save': own('settings.update'),
  'customers.search': view('customer.search'),
  'customers.get': view('customer.view'),
  'customers.save': change('customer.create', 'customer.update'),
  'customers.remove': change('customer.delete'),
  'customers.tags': nothing,
  'customers.markVerified': change('customer.verify'),
  'customers.reveal': view('customer.reveal'),
  // The erasure service writes its entry in the erasure's transaction (the CLI shares it).
  'customers.erase': own('customer.erase'),
  'fields.list': nothing,
  'fields.update': change('fields.update'),
  'fields.usage': nothing,
  'fields.createCustom': change('fields.update'),
  'fields.deleteCustom': change('fields.update'),
  // A purpose holds no customer data, but what the shop says it does with data is a change to record.
  'purposes.list': nothing,
  'purposes.save': change('purpose.create', 'purpose.update'),
  'purposes.retire': change('purpose.retire'),
  // The consent service writes its entries in the transaction of the entry it records (the CLI shares it).
  'consent.get': own('consent.view'),
  'consent.record': own('consent.give', 'consent.withdraw', 'consent.refuse'),
  'consent.pickEvidence': nothing,
  'consent.saveEvidence': own('consent.evidenceOpen'),
  'consent.saveForm': own('consent.document'),
  'consent.saveReceipt': own('consent.document'),
  'consent.receiptText': own('consent.document'),
  // The notice holds no customer data; what the shop tells customers is recorded when it changes.
  'notice.status': nothing,
  'notice.profile': nothing,
  'notice.saveProfile': own('notice.update'),
  'notice.recipients': nothing,
  'notice.saveRecipient': own('notice.update'),
  'notice.removeRecipient': own('notice.update'),
  'notice.publish': own('notice.publish'),
  'notice.save': own('notice.document'),
  'notice.whatsapp': nothing,
  // The requests service writes its entries in the transaction of each step (the CLI shares it).
  'requests.overview': nothing,
  'requests.list': own('request.view'),
  'requests.get': own('request.view'),
  'requests.create': own('request.create'),
  'requests.move': own('request.update'),
  'requests.identity': own('request.update'),
  'requests.note': own('request.update'),
  'requests.link': own('request.update'),
  'requests.close': own('request.update'),
  'requests.settings': nothing,
  'requests.saveSettings': own('request.settings'),
  'requests.saveReceipt': own('request.document'),
  'requests.receiptText': own('request.document'),
  'requests.saveReply': own('request.document'),
  'requests.replyText': own('request.document'),
  'requests.exportRegister': own('request.document'),
  'requests.correct': own('customer.update', 'request.update'),
  'requests.restrict': own('customer.restrict'),
  'requests.unrestrict': own('customer.unrestrict'),
  // Names the restricted customers: recorded as a view of the register.
  'requests.restrictions': own('request.view'),
  // The access service writes its entry (and the request's step) in one transaction before any file is written.
  'requests.savePack': own('customer.accessPack'),
  'purchases.list': view('purchase.view'),
  'purchases.save': change('purchase.save'),
  'purchases.remove': change('purchase.delete'),
  'import.open': nothing,
  'import.inspect': nothing,
  'import.preview': nothing,
  'import.dryRun': nothing,
  'import.run': own('data.import'),
  'import.cancel': nothing,
  'import.saveReport': nothing,
  'export.run': own('data.export'),
  'export.cancel': nothing,
  'account.changePassword': own('auth.passwordChanged'),
  'account.beginTotp': nothing,
  'account.confirmTotp': own('auth.totpEnrolled', 'auth.backupCodesIssued'),
  'account.disableTotp': own('auth.totpDisabled'),
  'account.newBackupCodes': own('auth.backupCodesIssued'),
  'staff.list': nothing,
  'staff.create': own('staff.create'),
  'staff.update': own('staff.update'),
  'staff.resetPassword': own('staff.passwordReset'),
  'staff.resetTotp': own('auth.totpDisabled'),
  'staff.review': own('staff.review'),
  'security.setStrictMode': own('security.update'),
  'backup.status': nothing,
  'backup.setup': own('security.update'),
  'backup.saveSchedule': own('settings.update'),
  'backup.pickFolder': own('settings.update'),
  'backup.run': own('backup.create'),
  'backup.cancel': nothing,
  'restore.open': nothing,
  'restore.inspect': nothing,
  'restore.run': own('backup.restore'),
  'restore.confirm': own('backup.restore'),
  'restore.undo': own('backup.restore'),
  'restore.cancel': nothing,
  'restore.confirmCode': nothing,
  'restore.openFirstRun': nothing,
  'restore.inspectFirstRun': nothing,
  'restore.runFirstRun': own('backup.restore'),
  'audit.list': nothing,
  'audit.verify': nothing,
  'audit.export': own('data.export'),
  'demo.status': nothing,
  // In the demo vault's own trail: the Owner's first sign-in, and the seeding as one import entry
  // (written in the seed's transaction). Nothing goes into the real vault's trail.
  'demo.start': own('auth.signIn', 'data.import'),
  // Deletes the demo vault with its trail; the real vault is not touched.
  'demo.discard': nothing,
} as const satisfies { readonly [C in ChannelName]: Records };

export type ChannelRecords = typeof channelRecords;
/** Channels whose entry the router writes (with a describer in electron/ipc/audit.ts). */
export type RouterAudited = {
  [C in ChannelName]: ChannelRecords[C]['kind'] extends 'view' | 'change' ? C : never;
}[ChannelName];
