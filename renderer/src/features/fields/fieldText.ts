import type { BuiltinFieldKey, CustomFieldKind, FieldDef, Gender, PurchaseChannel } from '../../contract';
import type { MessageKey, Translate } from '../../i18n/translate';

export const builtinLabels: Record<BuiltinFieldKey, MessageKey> = {
  phone: 'form.phone',
  email: 'form.email',
  address: 'form.address',
  city: 'form.city',
  birthday: 'form.birthday',
  gender: 'form.gender',
  notes: 'form.notes',
  preferences: 'form.preferences',
};

export const genderLabels: Record<Gender, MessageKey> = {
  female: 'gender.female',
  male: 'gender.male',
  other: 'gender.other',
};

export const kindLabels: Record<CustomFieldKind, MessageKey> = {
  text: 'fields.kind.text',
  number: 'fields.kind.number',
  date: 'fields.kind.date',
  choice: 'fields.kind.choice',
};

export const channelLabels: Record<PurchaseChannel, MessageKey> = {
  store: 'purchases.channel.store',
  whatsapp: 'purchases.channel.whatsapp',
  marketplace: 'purchases.channel.marketplace',
  other: 'purchases.channel.other',
};

const isBuiltin = (key: string): key is BuiltinFieldKey => key in builtinLabels;

/** A field's name on screen: built-ins translated, custom fields by the shop's own label. */
export function fieldLabel(t: Translate, field: Pick<FieldDef, 'key' | 'label'>): string {
  if (isBuiltin(field.key)) return t(builtinLabels[field.key]);
  return field.label ?? field.key;
}

/** A column target's name: name, tags, or a field of the catalogue. */
export function targetLabel(t: Translate, key: string, fields: FieldDef[] | null): string {
  if (key === 'name') return t('form.name');
  if (key === 'tags') return t('form.tags');
  const field = fields?.find((f) => f.key === key);
  return field ? fieldLabel(t, field) : isBuiltin(key) ? t(builtinLabels[key]) : key;
}
