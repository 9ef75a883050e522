import { PASSWORD_MAX, PASSWORD_MIN, type FieldErrorCode } from '../../contract';

/** Client-side checks before a new password is sent; the main process judges strength. */
export function checkNewPassword(password: string, confirm: string): { password?: FieldErrorCode; confirm?: FieldErrorCode } {
  if (password === '') return { password: 'required' };
  if (password.length < PASSWORD_MIN) return { password: 'too_short' };
  if (password.length > PASSWORD_MAX) return { password: 'too_long' };
  if (confirm !== password) return { confirm: 'mismatch' };
  return {};
}
