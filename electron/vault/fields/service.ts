/**
 * The field catalogue service (`fields.*`): which personal data the shop collects, and why.
 * A field is on only while it serves at least one active purpose (purposes.ts here picks them);
 * switching one off keeps its values hidden and its purposes linked, or erases the values for real
 * when asked (`erase: true`). Every change is one transaction and bumps `updated_at`.
 */
import {
  CHOICE_MAX,
  CHOICES_MAX,
  CUSTOM_FIELDS_MAX,
  FIELD_LABEL_MAX,
  PURPOSE_MAX,
  type CreateCustomFieldInput,
  type FieldDef,
  type FieldErrorCode,
  type FieldUsage,
  type UpdateFieldInput,
} from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { VaultError, invalid } from '../errors';
import { getMeta, setMeta } from '../meta';
import { eraseFieldValues } from './erase';
import { choosePurposes, linkPurposes } from './purposes';
import { activeLinks } from '../purposes/repository';
import { CUSTOM_KEY, countValues, deleteFieldRow, getField, insertCustomField, listFields, writeField } from './repository';

export interface FieldsService {
  /** The catalogue in display order. */
  list(): Promise<FieldDef[]>;
  /**
   * Switches a field on (needs a purpose) or off, changes its purpose, and for custom fields its
   * label, choices and sensitivity. `erase: true` with `enabled: false` erases its values for real.
   * Returns the whole catalogue.
   */
  update(input: UpdateFieldInput): Promise<FieldDef[]>;
  /** How many customers hold a value in the field (asked before switching it off). */
  usage(key: string): Promise<FieldUsage>;
  /** Adds a shop-defined field `custom_<n>`, switched on. Returns the whole catalogue. */
  createCustom(input: CreateCustomFieldInput): Promise<FieldDef[]>;
  /** Removes a custom field and erases its values. Returns the whole catalogue. */
  deleteCustom(key: string): Promise<FieldDef[]>;
}

/** The highest custom field number ever handed out: a deleted field's key is never reused. */
const CUSTOM_SEQ = 'custom_field_seq';

const notFound = (key: string): VaultError => new VaultError('not_found', undefined, `field ${key}`);

/** Trimmed, case-insensitive duplicates dropped; problems go into `errors.choices`. */
function normaliseChoices(raw: readonly string[], errors: Record<string, FieldErrorCode>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of raw) {
    const choice = c.trim();
    const k = choice.toLocaleLowerCase('id');
    if (choice === '' || seen.has(k)) continue;
    if (choice.length > CHOICE_MAX) errors.choices = 'too_long';
    seen.add(k);
    out.push(choice);
  }
  if (out.length > CHOICES_MAX) errors.choices = 'too_many';
  return out;
}

/** Free purpose words: at most PURPOSE_MAX (whether they are needed is choosePurposes' call). */
function checkPurposeText(purpose: string, errors: Record<string, FieldErrorCode>): void {
  if (purpose.length > PURPOSE_MAX) errors.purpose = 'too_long';
}

async function checkLabel(q: Queryable, label: string, exceptKey: string | null, errors: Record<string, FieldErrorCode>) {
  if (label === '') errors.label = 'required';
  else if (label.length > FIELD_LABEL_MAX) errors.label = 'too_long';
  else {
    const clash = (await listFields(q)).some(
      (f) => !f.builtin && f.key !== exceptKey && f.label?.toLocaleLowerCase('id') === label.toLocaleLowerCase('id'),
    );
    if (clash) errors.label = 'invalid_value';
  }
}

/** Moves erased values out of the WAL into the (encrypted) main file; best effort. */
const checkpoint = (db: Db): Promise<void> => db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);

export function createFieldsService(db: Db, now: () => number = Date.now): FieldsService {
  return {
    list: () => listFields(db),

    async update(input) {
      let erased = false;
      const result = await db.transaction(async (tx) => {
        const field = await getField(tx, input.key);
        if (!field) throw notFound(input.key);
        const errors: Record<string, FieldErrorCode> = {};
        const purpose = input.purpose.trim();
        checkPurposeText(purpose, errors);
        const at = now();
        const current = await activeLinks(tx, field.key);
        const chosen = await choosePurposes(tx, { current, summary: field.purpose, text: purpose, keys: input.purposes, enabled: input.enabled }, errors, at);
        if (input.erase && input.enabled) errors.erase = 'invalid_value';
        let { label, choices, sensitive } = field;
        if (field.builtin) {
          if (input.label !== undefined) errors.label = 'invalid_value';
          if (input.choices !== undefined) errors.choices = 'invalid_value';
          // Built-in sensitivity is the product's call (birthday is always sensitive).
          if (input.sensitive !== undefined && input.sensitive !== field.sensitive) errors.sensitive = 'invalid_value';
        } else {
          if (input.label !== undefined) {
            label = input.label.trim();
            await checkLabel(tx, label, field.key, errors);
          }
          if (input.choices !== undefined) {
            if (field.kind !== 'choice') errors.choices = 'invalid_value';
            else {
              choices = normaliseChoices(input.choices, errors);
              if (choices.length === 0) errors.choices = 'required';
            }
          }
          sensitive = input.sensitive ?? sensitive;
        }
        if (Object.keys(errors).length > 0) throw invalid(errors);
        // The table holds "on only with a purpose summary": switching on links the purposes first,
        // switching off clears the switch first (its links may then go to none).
        const write = () => writeField(tx, field.key, { enabled: input.enabled, sensitive, label, choices }, at);
        if (input.enabled) {
          await linkPurposes(tx, field.key, chosen);
          await write();
        } else {
          await write();
          await linkPurposes(tx, field.key, chosen);
        }
        if (!input.enabled && input.erase) erased = (await eraseFieldValues(tx, field.key, at)) > 0;
        return listFields(tx);
      });
      if (erased) await checkpoint(db);
      return result;
    },

    async usage(key) {
      if (!(await getField(db, key))) throw notFound(key);
      return { key, count: await countValues(db, key) };
    },

    async createCustom(input) {
      return db.transaction(async (tx) => {
        const errors: Record<string, FieldErrorCode> = {};
        const fields = await listFields(tx);
        const custom = fields.filter((f) => !f.builtin);
        if (custom.length >= CUSTOM_FIELDS_MAX) errors.label = 'too_many';
        const label = input.label.trim();
        await checkLabel(tx, label, null, errors);
        const purpose = input.purpose.trim();
        checkPurposeText(purpose, errors);
        const at = now();
        const chosen = await choosePurposes(tx, { current: [], summary: '', text: purpose, keys: input.purposes, enabled: true }, errors, at);
        const choices = normaliseChoices(input.choices ?? [], errors);
        if (input.kind === 'choice' && choices.length === 0) errors.choices = 'required';
        if (input.kind !== 'choice' && choices.length > 0) errors.choices = 'invalid_value';
        if (Object.keys(errors).length > 0) throw invalid(errors);

        const used = custom.map((f) => Number(CUSTOM_KEY.exec(f.key)?.[1] ?? 0));
        const n = Math.max(Number(await getMeta(tx, CUSTOM_SEQ)) || 0, ...used) + 1;
        const key = `custom_${n}`;
        await setMeta(tx, CUSTOM_SEQ, String(n));
        const change = { enabled: true, sensitive: input.sensitive, label, choices };
        await insertCustomField(tx, key, input.kind, change, at);
        await linkPurposes(tx, key, chosen);
        await writeField(tx, key, change, at);
        return listFields(tx);
      });
    },

    async deleteCustom(key) {
      if (!CUSTOM_KEY.test(key)) throw invalid({ key: 'invalid_value' });
      let erased = false;
      const result = await db.transaction(async (tx) => {
        if (!(await getField(tx, key))) throw notFound(key);
        erased = (await eraseFieldValues(tx, key, now())) > 0;
        await deleteFieldRow(tx, key);
        return listFields(tx);
      });
      if (erased) await checkpoint(db);
      return result;
    },
  };
}
