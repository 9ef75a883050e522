import type { idPurposes } from './id.purposes';

/** English — purposes: why the shop uses data, with the lawful basis and retention. */
export const enPurposes: Record<keyof typeof idPurposes, string> = {
  'purposes.title': 'What data is used for',
  'purposes.intro':
    "What your shop uses customers' data for, with its lawful basis (UU PDP Article 20(2)) and how long the data is kept. Names and descriptions are written for your customers, in Indonesian and English.",
  'purposes.add': 'Add a purpose',
  'purposes.edit': 'Edit',
  'purposes.editLabel': 'Edit the purpose {name}',
  'purposes.retire': 'Retire',
  'purposes.retireLabel': 'Retire the purpose {name}',
  'purposes.retired': 'Retired',
  'purposes.retention': 'Kept {months} months from {from}',
  'purposes.usedBy': 'Used by: {fields}',
  'purposes.unused': 'No field uses it yet',
  'purposes.stillNeeded': 'This purpose cannot be retired: {fields} has no other purpose. Give that field another purpose first, or switch it off.',
  'purposes.from.last_purchase': 'the last purchase',
  'purposes.from.last_contact': 'the last contact',
  'purposes.from.consent_withdrawn': 'consent is withdrawn',
  'purposes.from.contract_end': 'the end of the contract',
  'purposes.editor.add': 'New purpose',
  'purposes.editor.edit': 'Edit the purpose {name}',
  'purposes.nameId': 'Name (Indonesian)',
  'purposes.nameEn': 'Name (English)',
  'purposes.descriptionId': 'Description for customers (Indonesian)',
  'purposes.descriptionEn': 'Description for customers (English)',
  'purposes.basis': 'Lawful basis',
  'purposes.basisHint': 'Consent means every customer must agree first, and may withdraw at any time.',
  'purposes.months': 'How long to keep (months)',
  'purposes.from': 'Counted from',
  'purposes.notice.saved': 'Purpose {name} saved.',
  'purposes.notice.retired': 'Purpose {name} retired.',
};
