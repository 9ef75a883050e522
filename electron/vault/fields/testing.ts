/** Test helpers: field catalogues without a database, and switching fields on in a test vault. */
import { BUILTIN_FIELDS, type BuiltinFieldKey, type FieldDef, type FieldKind } from '../../contract';
import type { Db } from '../db/driver';
import { createFieldsService } from './service';

const BUILTIN_KINDS: Record<BuiltinFieldKey, FieldKind> = {
  phone: 'phone',
  email: 'email',
  address: 'longtext',
  city: 'text',
  birthday: 'date',
  gender: 'gender',
  notes: 'longtext',
  preferences: 'longtext',
};

export type CustomSpec = Pick<FieldDef, 'key' | 'kind'> & Partial<FieldDef>;

/** Every built-in field on (except `off`), plus these custom fields (on unless they say otherwise). */
export function testCatalogue(opts: { off?: readonly BuiltinFieldKey[]; custom?: readonly CustomSpec[] } = {}): FieldDef[] {
  const builtins = BUILTIN_FIELDS.map((key, i) => {
    const enabled = !opts.off?.includes(key);
    return {
      key,
      builtin: true,
      kind: BUILTIN_KINDS[key],
      label: null,
      choices: [],
      enabled,
      purposes: enabled ? ['untuk_pengujian'] : [],
      purpose: enabled ? 'Untuk pengujian.' : '',
      sensitive: key === 'birthday',
      position: i + 1,
    };
  });
  const custom = (opts.custom ?? []).map((f, i) => ({
    builtin: false,
    label: f.key,
    choices: [],
    enabled: true,
    purposes: ['untuk_pengujian'],
    purpose: 'Untuk pengujian.',
    sensitive: false,
    position: 100 + i,
    ...f,
  }));
  return [...builtins, ...custom];
}

/** Switches built-in fields on in a vault, each with a purpose. */
export async function enableFields(db: Db, keys: readonly BuiltinFieldKey[]): Promise<void> {
  const fields = createFieldsService(db);
  for (const key of keys) await fields.update({ key, enabled: true, purpose: `Untuk pengujian ${key}.` });
}
