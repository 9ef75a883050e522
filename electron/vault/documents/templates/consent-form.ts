/**
 * The paper consent form (UU PDP Pasal 22–25; GDPR Arts. 7–8): the shop, the customer's name and
 * phone lines, the notice in brief and its version, then one section per consent-based purpose —
 * what it is, the data it uses, how long it is kept, and two empty boxes (agree / do not agree)
 * with an initials line — how to withdraw, a guardian's part for a child, and the signatures.
 *
 * Bilingual block by block, Indonesian first and the English beneath it in smaller grey type,
 * rather than an Indonesian page followed by an English one: the customer ticks one set of boxes
 * and signs once, so the paper can never carry two different answers, and each sentence has its
 * translation right under it.
 */
import { formatDate, type Lang, type MessageParams } from '../../../contract/i18n';
import type { Block, DocumentModel, FlowBlock } from '../model';
import type { ConsentFormData } from './consent-data';
import type { ConsentKey } from './consent.id';
import { consentT, contactLine, purposeTerms, waysText } from './consent-text';
import { noticeInBrief } from './notice-short';

const t = { id: consentT('id'), en: consentT('en') };

/** "Setuju / I agree": a label in both languages, on one line. */
const both = (key: ConsentKey, params?: MessageParams) => `${t.id(key, params)} / ${t.en(key, params)}`;

/** A paragraph in Indonesian with its English beneath; `params` may differ by language (dates, lists). */
function bilingual(key: ConsentKey, params?: (lang: Lang) => MessageParams): FlowBlock {
  return { kind: 'paragraph', text: t.id(key, params?.('id')), secondary: t.en(key, params?.('en')) };
}

function noticeBlocks(data: ConsentFormData): FlowBlock[] {
  const { notice } = data;
  if (!notice) return [{ kind: 'heading', text: both('form.notice.heading') }, bilingual('form.notice.none')];
  return [
    { kind: 'heading', text: both('form.notice.heading') },
    { kind: 'paragraph', text: noticeInBrief(notice, 'id'), secondary: noticeInBrief(notice, 'en') },
    bilingual('form.notice.version', (lang) => ({ version: notice.version.number, date: formatDate(lang, notice.version.date, 'long') })),
  ];
}

function purposeGroups(data: ConsentFormData): Block[] {
  const asked = data.purposes.filter((p) => p.basis === 'consent');
  if (asked.length === 0) return [bilingual('form.purposes.none')];
  return asked.map((p, i) => {
    const terms = { id: purposeTerms('id', p), en: purposeTerms('en', p) };
    const line = (lang: Lang) =>
      `${t[lang]('form.purpose.data', { fields: terms[lang].fields })}. ${t[lang]('form.purpose.retention', { retention: terms[lang].retention })}.`;
    return {
      kind: 'group',
      blocks: [
        { kind: 'heading', text: `${i + 1}. ${p.name.id} / ${p.name.en}` },
        { kind: 'paragraph', text: `${p.description.id} ${line('id')}`, secondary: `${p.description.en} ${line('en')}` },
        { kind: 'choices', options: [both('form.agree'), both('form.disagree')], fillIn: { label: both('form.initials') } },
      ],
    };
  });
}

export function consentFormModel(data: ConsentFormData): DocumentModel {
  const { shop, customer } = data;
  const blocks: Block[] = [
    { kind: 'title', text: both('form.title') },
    { kind: 'paragraph', text: shop.name, bold: true },
    { kind: 'subtitle', text: contactLine('id', shop) },
    {
      kind: 'fillIn',
      items: [
        { label: both('form.customer.name'), ...(customer ? { value: customer.name } : {}), width: 3 },
        { label: both('form.customer.phone'), ...(customer?.phone ? { value: customer.phone } : {}), width: 2 },
      ],
    },
    ...noticeBlocks(data),
    { kind: 'heading', text: both('form.purposes.heading') },
    bilingual('form.intro'),
    ...purposeGroups(data),
    bilingual('form.withdraw', (lang) => ({ ways: waysText(t[lang], shop) })),
    {
      kind: 'group',
      blocks: [
        { kind: 'heading', text: both('form.guardian.heading') },
        bilingual('form.guardian.text'),
        {
          kind: 'signature',
          items: [{ label: both('form.guardian.name'), width: 3 }, { label: both('form.guardian.relation'), width: 2 }, { label: both('form.guardian.signature'), width: 3 }],
        },
      ],
    },
    {
      kind: 'group',
      blocks: [
        { kind: 'heading', text: both('form.sign.heading') },
        bilingual('form.sign.text'),
        { kind: 'fillIn', items: [{ label: both('form.place') }, { label: both('form.date') }] },
        { kind: 'signature', items: [{ label: both('form.signature') }, { label: both('form.staff') }] },
      ],
    },
  ];
  return {
    title: `${both('form.title')} — ${shop.name}`,
    author: shop.name,
    date: new Date(`${data.date}T00:00:00Z`),
    kind: 'form',
    blocks,
    footer: `${shop.name} · ${both('form.footer')}`,
    pageLabel: (page, total) => both('page', { page, total }),
  };
}
