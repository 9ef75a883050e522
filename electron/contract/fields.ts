import { z } from 'zod';
import { PURPOSES_PER_FIELD_MAX, PurposeKey } from './purposes';

/**
 * The field catalogue: which personal data the shop collects, and why. Name is always on.
 * Every other field is switched on one by one and must carry a purpose written for customers.
 */
export const BUILTIN_FIELDS = ['phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'preferences'] as const;
export type BuiltinFieldKey = (typeof BUILTIN_FIELDS)[number];

export const CUSTOM_FIELD_KINDS = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** Value kinds a field can hold (built-ins have fixed kinds). */
export type FieldKind = 'phone' | 'email' | 'text' | 'longtext' | 'date' | 'gender' | CustomFieldKind;

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const PURPOSE_MAX = 300;
export const FIELD_LABEL_MAX = 60;
export const CHOICE_MAX = 60;
export const CHOICES_MAX = 30;
export const CUSTOM_FIELDS_MAX = 30;

export interface FieldDef {
  /** Built-in key, or `custom_<n>` for a shop-defined field. */
  key: string;
  builtin: boolean;
  kind: FieldKind;
  /** Shop-defined label for custom fields; built-ins are labelled by the renderer's translations. */
  label: string | null;
  choices: string[];
  enabled: boolean;
  /**
   * Keys of the active purposes this field serves (contract/purposes.ts); at least one while enabled.
   * Kept when the field is switched off, so switching it on again serves the same purposes.
   */
  purposes: string[];
  /** Those purposes' Indonesian names joined by "; ", kept by the vault: what the customer form shows. */
  purpose: string;
  /** Masked for roles without the "view sensitive" permission (staff issue). */
  sensitive: boolean;
  position: number;
}

export const FieldKey = z.string().regex(/^(phone|email|address|city|birthday|gender|notes|preferences|custom_\d{1,6})$/);

export const UpdateFieldInput = z
  .object({
    key: FieldKey,
    enabled: z.boolean(),
    /**
     * Words for a new purpose: when they differ from the field's current `purpose` summary, the vault
     * creates a purpose from them (basis legitimate interest, for the Owner to review) and links it.
     */
    purpose: z.string().trim().max(PURPOSE_MAX),
    /** The purposes the field serves from now on (active purposes' keys); omitted: unchanged. */
    purposes: z.array(PurposeKey).max(PURPOSES_PER_FIELD_MAX).optional(),
    sensitive: z.boolean().optional(),
    label: z.string().trim().min(1).max(FIELD_LABEL_MAX).optional(),
    choices: z.array(z.string().trim().min(1).max(CHOICE_MAX)).max(CHOICES_MAX).optional(),
    /** When switching off a field that holds data: true erases the stored values for real. */
    erase: z.boolean().optional(),
  })
  .strict();
export type UpdateFieldInput = z.infer<typeof UpdateFieldInput>;

export const CreateCustomFieldInput = z
  .object({
    label: z.string().trim().min(1).max(FIELD_LABEL_MAX),
    kind: z.enum(CUSTOM_FIELD_KINDS),
    choices: z.array(z.string().trim().min(1).max(CHOICE_MAX)).max(CHOICES_MAX).optional(),
    /** Words for a new purpose (see UpdateFieldInput); may be empty when `purposes` names one. */
    purpose: z.string().trim().max(PURPOSE_MAX),
    purposes: z.array(PurposeKey).max(PURPOSES_PER_FIELD_MAX).optional(),
    sensitive: z.boolean(),
  })
  .strict();
export type CreateCustomFieldInput = z.infer<typeof CreateCustomFieldInput>;

export const FieldRef = z.object({ key: FieldKey }).strict();

/** How many customers hold a value in a field (asked before switching it off). */
export interface FieldUsage {
  key: string;
  count: number;
}
