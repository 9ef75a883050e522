/**
 * Which fuzz file takes which channels. Each file builds its own stations and vitest runs the files
 * in parallel; coverage.test.ts holds that together they name every channel of the contract once.
 */
import type { ChannelName } from '../../contract';

export const fuzzGroups = {
  vault: ['vault.status', 'vault.create', 'vault.recover', 'vault.signIn', 'vault.lock', 'vault.newRecoveryCode', 'vault.confirmRecoveryCode', 'settings.save', 'security.setStrictMode', 'audit.list', 'audit.verify', 'audit.export', 'demo.status', 'demo.start', 'demo.discard'],
  customers: ['customers.search', 'customers.get', 'customers.save', 'customers.remove', 'customers.tags', 'customers.markVerified', 'customers.reveal', 'customers.erase', 'purchases.list', 'purchases.save', 'purchases.remove', 'consent.get', 'consent.record', 'consent.pickEvidence', 'consent.saveEvidence', 'consent.saveForm', 'consent.saveReceipt', 'consent.receiptText', 'requests.create', 'requests.overview', 'requests.list', 'requests.get', 'requests.move', 'requests.identity', 'requests.note', 'requests.link', 'requests.close', 'requests.settings', 'requests.saveSettings', 'requests.saveReceipt', 'requests.receiptText', 'requests.saveReply', 'requests.replyText', 'requests.exportRegister', 'requests.correct', 'requests.restrict', 'requests.unrestrict', 'requests.restrictions', 'requests.savePack'],
  transfer: ['fields.list', 'fields.update', 'fields.usage', 'fields.createCustom', 'fields.deleteCustom', 'purposes.list', 'purposes.save', 'purposes.retire', 'notice.status', 'notice.profile', 'notice.saveProfile', 'notice.recipients', 'notice.saveRecipient', 'notice.removeRecipient', 'notice.publish', 'notice.save', 'notice.whatsapp', 'import.open', 'import.inspect', 'import.preview', 'import.dryRun', 'import.run', 'import.cancel', 'import.saveReport', 'export.run', 'export.cancel'],
  staff: ['account.changePassword', 'account.beginTotp', 'account.confirmTotp', 'account.disableTotp', 'account.newBackupCodes', 'staff.list', 'staff.create', 'staff.update', 'staff.resetPassword', 'staff.resetTotp', 'staff.review'],
  backup: ['backup.status', 'backup.setup', 'backup.saveSchedule', 'backup.pickFolder', 'backup.run', 'backup.cancel', 'restore.open', 'restore.inspect', 'restore.run', 'restore.confirm', 'restore.undo', 'restore.cancel', 'restore.confirmCode', 'restore.openFirstRun', 'restore.inspectFirstRun', 'restore.runFirstRun'],
} as const satisfies Record<string, readonly ChannelName[]>;
