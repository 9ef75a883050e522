import { CHOICE_MAX, CHOICES_MAX, FIELD_LABEL_MAX, PURPOSE_MAX, type CustomFieldKind, type FieldErrorCode } from '../../contract';

export interface FieldFormValues {
  label: string;
  kind: CustomFieldKind;
  /** One choice per line. */
  choices: string;
  /** Keys of the active purposes ticked. */
  purposes: string[];
  /** Words for a new purpose (optional when one is ticked). */
  purpose: string;
  sensitive: boolean;
}
export type FieldFormKey = 'label' | 'choices' | 'purpose';
export type FieldFormErrors = Partial<Record<FieldFormKey, FieldErrorCode>>;
export const FIELD_FORM_ORDER: FieldFormKey[] = ['label', 'choices', 'purpose'];

export const splitChoices = (text: string): string[] => {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((c) => c.trim())
    .filter((c) => c && !seen.has(c.toLocaleLowerCase()) && seen.add(c.toLocaleLowerCase()));
};

/**
 * Checks a catalogue entry. `custom`: the label (and choices) are the shop's own; `on`: the field
 * will be collected, so it needs a purpose: one ticked, or new words for customers. (The vault
 * checks the same; this only saves a round trip.)
 */
export function checkFieldForm(v: FieldFormValues, opts: { custom: boolean; on: boolean }): FieldFormErrors {
  const errors: FieldFormErrors = {};
  if (opts.custom) {
    const label = v.label.trim();
    if (!label) errors.label = 'required';
    else if (label.length > FIELD_LABEL_MAX) errors.label = 'too_long';
    if (v.kind === 'choice') {
      const choices = splitChoices(v.choices);
      if (choices.length === 0) errors.choices = 'required';
      else if (choices.length > CHOICES_MAX) errors.choices = 'too_many';
      else if (choices.some((c) => c.length > CHOICE_MAX)) errors.choices = 'too_long';
    }
  }
  const purpose = v.purpose.trim();
  if (opts.on && !purpose && v.purposes.length === 0) errors.purpose = 'required';
  else if (purpose.length > PURPOSE_MAX) errors.purpose = 'too_long';
  return errors;
}
