import type { Message } from '../../../contract/i18n';
import type { NoticeKey } from './notice.id';

/** English — typed against the Indonesian keys, so a missing or extra key is a compile error. */
export const noticeEn: Record<NoticeKey, Message> = {
  title: 'Privacy Notice',
  subtitle: '{shop} · Version {version} · in effect from {date}',
  digest: 'SHA-256 fingerprint of this text (id and en): {sha}',
  intro:
    '{shop} keeps customer data to serve you. This notice explains what data we keep, what for, for how long, who can see it, and your rights under the Indonesian Personal Data Protection Law (UU PDP, Law No. 27 of 2022).',

  'who.heading': 'Who we are and how to reach us',
  'who.address': 'Address: {address}',
  'who.whatsapp': 'WhatsApp: {number}',
  'who.phone': 'Phone: {number}',
  'who.email': 'Email: {email}',

  'purposes.heading': 'What we use your data for',
  'purposes.count': {
    one: 'We use your data for the following {count} purpose, and for nothing else.',
    other: 'We use your data for the following {count} purposes, and for nothing else.',
  },
  'purposes.col.purpose': 'Purpose',
  'purposes.col.basis': 'Lawful basis',
  'purposes.col.data': 'Data used',
  'purposes.col.retention': 'Kept for',
  'purposes.consentNote':
    'A purpose based on consent applies only if you agree to it. Saying no does not reduce any other service to you, and you can withdraw consent at any time.',

  'basis.consent': 'Your consent (Pasal 20(2)(a))',
  'basis.contract': 'Carrying out an agreement with you, such as an order (b)',
  'basis.legal_obligation': "The shop's legal duty, such as tax records (c)",
  'basis.vital_interest': 'Protecting your vital interests (d)',
  'basis.public_task': 'A task in the public interest (e)',
  'basis.legitimate_interest': "The shop's legitimate interest, which does not override your rights (f)",

  'retention.months': { one: '{count} month', other: '{count} months' },
  'retention.years': { one: '{count} year', other: '{count} years' },
  'retention.from.last_purchase': '{period} after your last purchase',
  'retention.from.last_contact': '{period} after our last contact',
  'retention.from.consent_withdrawn': '{period} after consent is withdrawn',
  'retention.from.contract_end': '{period} after the agreement ends',

  'access.heading': 'Who in the shop can see your data',
  'access.intro': 'Everyone signs in with their own account, sees only what their work needs, and every access is recorded.',
  'access.item': '{role}: {sees}',
  'role.owner': 'Shop owner',
  'role.manager': 'Manager',
  'role.staff': 'Cashier / staff',
  'role.viewer': 'Reviewer (view only)',

  'storage.heading': 'Where your data is kept',
  'storage.pc': "On this shop's computer, in an encrypted vault. Without the password its contents cannot be read.",
  'storage.backups': 'Backups are copies that are encrypted as well.',
  'storage.backupsPlace': 'Backups are copies that are encrypted as well, kept at: {place}.',
  'storage.noBackups': 'There are no copies outside this computer.',

  'recipients.heading': 'Who else receives your data',
  'recipients.none': 'No one. Your data is not given to third parties and is not sent abroad.',
  'recipients.intro': 'Your data is given only to the following recipients, for the stated reason:',
  'recipients.item': '{name}: {why} (kept in {country})',

  'recipients.abroad': 'Sent abroad: {names}. We do this only where data is protected at least as well as under UU PDP, and we keep a record of it.',
  'recipients.notAbroad': 'No data is sent abroad.',

  'rights.heading': 'Your rights (Pasal 5–13 UU PDP)',
  'rights.5': 'Information (Pasal 5): to know who we are, and for what purpose and on what basis your data is processed — this notice.',
  'rights.6':
    'Correction (Pasal 6): to have wrong or incomplete data corrected. We correct it within 3×24 hours of your request and tell you the result (Pasal 30).',
  'rights.7': 'Access and a copy (Pasal 7): to receive a copy of your data. We provide it within 3×24 hours of your request (Pasal 32).',
  'rights.8':
    'Ending processing and erasure (Pasal 8): to have us stop processing, delete or destroy your data. We do so promptly and record it.',
  'rights.9': 'Withdrawing consent (Pasal 9): at any time, as easily as you gave it. Processing for that purpose stops within 3×24 hours (Pasal 40).',
  'rights.10': 'Objecting to automated decisions (Pasal 10): this shop makes no decision about you by machine alone.',
  'rights.11': 'Delaying or restricting processing (Pasal 11): we do so within 3×24 hours of your request (Pasal 41).',
  'rights.12': 'Compensation (Pasal 12): to claim compensation if your data is processed unlawfully.',
  'rights.13': 'Portability (Pasal 13): to receive your data in a machine-readable form, to take elsewhere.',

  'use.heading': 'How to use your rights',
  'use.intro': 'No special form is needed. Make your request in any of these ways; we record it and answer within the times above.',
  'use.walkIn': 'Come to the shop: {address}',
  'use.whatsapp': 'Send a WhatsApp message to {number}',
  'use.phone': 'Call {number}',
  'use.email': 'Email {email}',
  'use.identity': 'We may ask you to show that the data is yours, so that it never reaches someone else.',

  'complaint.heading': 'Complaining to the authority',
  'complaint.text': 'If you feel we have not handled your data properly, you can complain to {authority}.',

  draft: 'DRAFT — not published (it will become version {version}). Do not hand it to customers.',
  'footer.draft': '{shop} · DRAFT privacy notice, not published · A template for the shop to review, not legal advice.',
  'wa.draft': '*DRAFT — not published*',

  'field.name': 'Name',
  'field.phone': 'Phone / WhatsApp number',
  'field.email': 'Email',
  'field.address': 'Address',
  'field.city': 'City',
  'field.birthday': 'Birthday',
  'field.gender': 'Gender',
  'field.notes': 'Notes',
  'field.preferences': 'Preferences',
  'sees.all': 'all customer data',
  'sees.masked': 'customer data, with phone, email, address, birthday and sensitive data masked',
  'sees.reveal': 'customer data, with phone, email, address, birthday and sensitive data masked; one value can be shown when needed, and every such view is recorded',
  'sees.audit': '{sees}, and the audit trail',

  footer: '{shop} · Privacy notice version {version}, {date} · A template for the shop to review, not legal advice.',
  page: 'Page {page} of {total}',

  'poster.title': 'Your data at {shop}',
  'poster.uses': 'We keep your data only for:',
  'poster.safe': "Kept encrypted on the shop's computer. Not given to anyone else.",
  'poster.shared': "Kept encrypted on the shop's computer. Given only to: {names}.",
  'poster.rights': 'You may see, correct and delete your data, and withdraw consent at any time. We answer within 3×24 hours.',
  'poster.ask': 'Ask at the counter.',
  'poster.askWhatsapp': 'Ask at the counter or by WhatsApp on {number}.',
  'poster.full': 'The full notice is available at the counter (version {version}, {date}).',

  'wa.title': '*{shop} Privacy Notice* (version {version}, {date})',
  'wa.uses': 'We use your data for: {purposes}.',
  'wa.stored': "Kept encrypted on the shop's computer; not given to anyone else.",
  'wa.storedShared': "Kept encrypted on the shop's computer; given only to: {names}.",
  'wa.rights': 'You can ask for a copy, a correction or deletion of your data, and withdraw consent at any time: reply to this message. We answer within 3×24 hours.',
  'wa.full': 'The full notice: ask at the shop.',
  and: 'and',
  'wa.disclaimer': '_A template for the shop to review, not legal advice._',
};
