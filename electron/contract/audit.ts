/** The audit trail as the renderer sees it: who did what, to what, when, and how it ended. */
import { z } from 'zod';

export const auditActions = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.signOut',
  'auth.lock',
  'auth.unlock',
  'auth.totpEnrolled',
  'auth.totpDisabled',
  'auth.backupCodesIssued',
  'auth.passwordChanged',
  'customer.create',
  'customer.update',
  'customer.delete',
  'customer.view',
  'customer.search',
  'customer.reveal',
  'customer.verify',
  'purchase.view',
  'purchase.save',
  'purchase.delete',
  'data.import',
  'data.export',
  'staff.create',
  'staff.update',
  'staff.passwordReset',
  'staff.review',
  'settings.update',
  'fields.update',
  'purpose.create',
  'purpose.update',
  'purpose.retire',
  'consent.give',
  'consent.withdraw',
  'consent.refuse',
  'consent.view',
  'consent.evidenceOpen',
  'consent.document',
  'notice.publish',
  'notice.update',
  'notice.document',
  'request.create',
  'request.update',
  'request.view',
  'request.document',
  'request.settings',
  'customer.erase',
  'customer.restrict',
  'customer.unrestrict',
  'customer.accessPack',
  'security.update',
  'recovery.newCode',
  'backup.create',
  'backup.restore',
  'access.denied',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** Non-sensitive facts about an entry: counts, field names, file names, roles. Never a phone, e-mail or password. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface AuditEntry {
  id: number;
  at: number;
  actorId: number | null;
  actorName: string;
  action: AuditAction;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  details: AuditDetails;
}

export const AuditQueryInput = z
  .object({
    actorId: z.number().int().positive().optional(),
    action: z.enum(auditActions).optional(),
    customerId: z.number().int().positive().optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
    /** Entries older than this id (paging backwards from the newest). */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQueryInput = z.input<typeof AuditQueryInput>;

export interface AuditPage {
  entries: AuditEntry[];
  /** More (older) entries match the filter. */
  more: boolean;
}

export const AuditExportInput = AuditQueryInput.omit({ before: true, limit: true });

export type AuditVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      /** The first entry whose MAC or position does not fit the chain (null: the trail's end was cut). */
      firstBrokenId: number | null;
      reason: 'altered' | 'missing_or_reordered' | 'truncated';
    };
