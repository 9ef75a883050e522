/** The password policy as services apply it: a refusal is an `invalid_input` on the named field. */
import { VaultError } from '../errors';
import { checkPassword } from './password-policy';

/** Words every password in this vault is checked against, besides the person's own name. */
export const SHOP_WORDS = ['brankas', 'toko', 'kasir', 'admin', 'pemilik'];

export function assertStrongPassword(password: string, userInputs: readonly string[], field = 'password'): void {
  const check = checkPassword(password, { userInputs: [...userInputs, ...SHOP_WORDS] });
  if (!check.ok) throw new VaultError('invalid_input', { [field]: check.reason });
}
