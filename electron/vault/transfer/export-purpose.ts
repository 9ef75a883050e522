/**
 * What an export's purpose allows (DESIGN.md §3, Privacy: data is used for a consent-based purpose
 * only for customers whose consent to it is current). An export names its purpose; when that purpose
 * needs consent, only customers whose current consent to it is `given` are read (export-rows.ts joins
 * `consent_current` in the statement that streams them), and only `name` and the fields the purpose
 * uses may be columns. For any other basis the purpose is recorded and the export is as chosen.
 */
import type { FieldErrorCode, Purpose } from '../../contract';
import type { Queryable } from '../db/driver';
import { invalid, VaultError } from '../errors';
import { getPurpose } from '../purposes/repository';

export interface ExportPurpose {
  key: string;
  /** Set when the purpose needs consent: read only customers who gave it. */
  consent: string | null;
  purpose: Purpose;
}

/** The export's purpose, checked: unknown is `not_found`, retired invalid_input (`purpose`: invalid_choice). */
export async function exportPurpose(q: Queryable, key: string | undefined): Promise<ExportPurpose | null> {
  if (key === undefined) return null;
  const purpose = await getPurpose(q, key);
  if (!purpose) throw new VaultError('not_found', undefined, `purpose ${key}`);
  if (purpose.status !== 'active') throw invalid({ purpose: 'invalid_choice' });
  return { key, consent: purpose.needsConsent ? key : null, purpose };
}

/** For a consent-based purpose, every column must be the name or a field the purpose uses (`fields.<i>`: not_for_purpose). */
export function checkColumnsForPurpose(keys: readonly string[], p: ExportPurpose | null): void {
  if (!p?.consent) return;
  const allowed = new Set(['name', ...p.purpose.fields]);
  const errors: Record<string, FieldErrorCode> = {};
  keys.forEach((key, i) => {
    if (!allowed.has(key)) errors[`fields.${i}`] = 'not_for_purpose';
  });
  if (Object.keys(errors).length) throw invalid(errors);
}
