/**
 * People, roles and permissions. The matrix below is the one place that says who may do what;
 * the router enforces it in the main process for every channel (channels.ts names the permission
 * each channel needs), and the renderer only uses it to hide what would be refused anyway.
 */
import { z } from 'zod';

export const roles = ['owner', 'manager', 'staff', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Find customers and open their records (sensitive values masked). */
  'customers.view',
  /** See phone, email, address, birthday and fields marked sensitive unmasked, everywhere. */
  'customers.viewSensitive',
  /** Reveal one masked value at a time; every reveal is recorded in the audit trail. */
  'customers.reveal',
  /** Add customers, edit them, record purchases, mark details verified. */
  'customers.edit',
  'customers.delete',
  'data.import',
  'data.export',
  'backup.manage',
  'staff.manage',
  /** Shop settings and the field catalogue (what is collected and why). */
  'settings.manage',
  /** Recovery code, strict mode, two-factor requirements: the vault's own keys. Owner only. */
  'security.manage',
  'audit.view',
  /** Customers' requests under UU PDP / GDPR (access, correction, erasure, …). */
  'privacy.handle',
] as const;
export type Permission = (typeof permissions)[number];

/** Least privilege by default: a cashier adds and finds customers, sees masked phones, cannot export. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  owner: permissions,
  manager: [
    'customers.view',
    'customers.viewSensitive',
    'customers.reveal',
    'customers.edit',
    'customers.delete',
    'data.import',
    'data.export',
    'backup.manage',
    'audit.view',
    'privacy.handle',
  ],
  staff: ['customers.view', 'customers.reveal', 'customers.edit'],
  viewer: ['customers.view'],
};

export const can = (role: Role, permission: Permission): boolean => rolePermissions[role].includes(permission);

export const STAFF_NAME_MAX = 80;
export const REASON_MAX = 200;
/** The Owner is asked to review who has access this often. */
export const ACCESS_REVIEW_DAYS = 90;
/** An account nobody has signed in to for this long is flagged in the review. */
export const UNUSED_ACCOUNT_DAYS = 60;

export const StaffRef = z.object({ id: z.number().int().positive() }).strict();
export type StaffRef = z.infer<typeof StaffRef>;

const name = z.string().trim().min(1).max(STAFF_NAME_MAX);
const password = z.string().min(1).max(256);
const reason = z.string().trim().max(REASON_MAX);
/** The Owner role is the vault creator's alone; it is never given to another account. */
const assignableRole = z.enum(['manager', 'staff', 'viewer']);

export const CreateStaffInput = z
  .object({ name, role: assignableRole, password, reason: reason.min(1) })
  .strict();
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const UpdateStaffInput = z
  .object({
    id: z.number().int().positive(),
    name: name.optional(),
    role: assignableRole.optional(),
    reason: reason.min(1).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;

export const ResetStaffPasswordInput = z.object({ id: z.number().int().positive(), password }).strict();
export type ResetStaffPasswordInput = z.infer<typeof ResetStaffPasswordInput>;

export const AccessReviewInput = z
  .object({
    decisions: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            decision: z.enum(['confirm', 'disable']),
            role: assignableRole.optional(),
            reason: reason.min(1),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type AccessReviewInput = z.infer<typeof AccessReviewInput>;

export const ChangePasswordInput = z.object({ current: password, next: password }).strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const TotpCodeInput = z.object({ code: z.string().trim().min(6).max(20) }).strict();
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const DisableTotpInput = z.object({ password }).strict();
export type DisableTotpInput = z.infer<typeof DisableTotpInput>;

export const StrictModeInput = z.object({ enabled: z.boolean(), password }).strict();
export type StrictModeInput = z.infer<typeof StrictModeInput>;

/** One account, as the staff and access-review screens show it. Never a hash or a secret. */
export interface StaffMember {
  id: number;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  /** The Owner requires 2FA for this role and the account has not enrolled yet. */
  totpRequired: boolean;
  reason: string;
  createdAt: number;
  lastSignInAt: number | null;
  lastReviewedAt: number | null;
  /** No sign-in (or, never signed in, created) for UNUSED_ACCOUNT_DAYS or more. */
  unused: boolean;
  /** Strict mode: this account can open the vault after a restart (it has a key slot). */
  hasKeySlot: boolean;
}

export interface AccessOverview {
  people: StaffMember[];
  lastReviewAt: number | null;
  reviewDue: boolean;
  nextReviewAt: number;
}

/** Someone the sign-in screen lists. */
export interface Person {
  id: number;
  name: string;
  role: Role;
}

/** Who is signed in. */
export interface SessionUser extends Person {
  permissions: Permission[];
  totpEnabled: boolean;
  /** The Owner requires 2FA for this role: until enrolled, only enrolment and sign-out are allowed. */
  mustEnrollTotp: boolean;
}

/** Shown once when 2FA enrolment starts: scan the QR code or type the key. */
export interface TotpEnrolment {
  qrDataUrl: string;
  /** The secret in base32 groups, for typing into an authenticator by hand. */
  manualKey: string;
  uri: string;
}

/** Shown once: one-time codes for when the phone is not at hand. */
export interface BackupCodes {
  codes: string[];
}
