import { CreateVaultInput, PASSWORD_MIN, type FieldErrorCode } from '../../contract';

export interface FirstRunValues {
  ownerName: string;
  password: string;
  confirm: string;
}
export type FirstRunErrors = Partial<Record<keyof FirstRunValues, FieldErrorCode | undefined>>;

/** Client-side checks with the contract's own schema, plus the confirmation match. */
export function validateFirstRun(values: FirstRunValues): FirstRunErrors {
  const errors: FirstRunErrors = {};
  const parsed = CreateVaultInput.safeParse({ ownerName: values.ownerName, password: values.password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field !== 'ownerName' && field !== 'password') continue;
      if (errors[field]) continue;
      if (issue.code === 'too_small') errors[field] = field === 'ownerName' || values.password.length === 0 ? 'required' : 'too_short';
      else if (issue.code === 'too_big') errors[field] = 'too_long';
      else errors[field] = 'invalid_value';
    }
  }
  if (values.password.length >= PASSWORD_MIN && values.confirm !== values.password) {
    errors.confirm = values.confirm.length === 0 ? 'required' : 'mismatch';
  }
  return errors;
}
