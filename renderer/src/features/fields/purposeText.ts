import type { FieldDef, Purpose } from '../../contract';
import type { Locale } from '../../i18n/translate';

/**
 * The names of the purposes a field serves, in the UI's language, joined for one line. Until the
 * purposes have loaded, the vault's own summary (their Indonesian names) stands in.
 */
export function purposeNames(field: FieldDef, purposes: readonly Purpose[] | null, locale: Locale): string {
  if (!purposes) return field.purpose;
  return field.purposes.map((k) => purposes.find((p) => p.key === k)?.name[locale] ?? k).join(', ');
}
