import type { AppError, FieldErrorCode, Permission, Role } from '../../contract';
import type { MessageKey } from '../../i18n/translate';

/** Role names are the same everywhere (sign-in list, header, people, review): role.*. */
export const roleKey = (role: Role): MessageKey => `role.${role}` satisfies MessageKey;
/** One line on what the role is for, shown beside the role select. */
export const roleHintKey = (role: Role): MessageKey => `staffRole.hint.${role}` satisfies MessageKey;
export const permissionKey = (p: Permission): MessageKey => `permission.${p}` satisfies MessageKey;
export const permissionHintKey = (p: Permission): MessageKey => `permission.hint.${p}` satisfies MessageKey;

/** The roles the Owner can give (the Owner role is the vault creator's alone). */
export const assignableRoles = ['manager', 'staff', 'viewer'] as const satisfies readonly Role[];
export type AssignableRole = (typeof assignableRoles)[number];

/**
 * Field errors from a failed staff call, keyed by form field. `weak_password` lands on the password,
 * `name_taken` on the name; anything else is returned as a general error.
 */
export function staffFieldErrors<F extends string>(
  error: AppError,
  fields: readonly F[],
): { fields: Partial<Record<F, FieldErrorCode | 'name_taken'>>; general: AppError['code'] | null } {
  const found: Partial<Record<F, FieldErrorCode | 'name_taken'>> = {};
  if (error.code === 'name_taken' && fields.includes('name' as F)) found['name' as F] = 'name_taken';
  else if (error.code === 'weak_password' && fields.includes('password' as F)) found['password' as F] = error.fields?.password ?? 'too_weak';
  else if (error.code === 'invalid_input' && error.fields) {
    for (const [k, code] of Object.entries(error.fields)) {
      const key = fields.find((f) => k.split('.').includes(f));
      if (key) found[key] ??= code;
    }
  }
  return { fields: found, general: Object.keys(found).length > 0 ? null : error.code };
}
