/**
 * The request receipt (tanda terima: the number, what was asked and the time it is due) and the
 * reply letters (done, partly done, refused with the reason and the Pasal 15 ground), as A4 models
 * and as short WhatsApp texts, in the customer's language.
 */
import { dayIn, formatClock, formatDate, translator, type Lang } from '../../../contract/i18n';
import { REQUEST_LAW, type Pasal15Ground } from '../../../contract/requests';
import type { DocumentModel, FlowBlock } from '../model';
import { DEFAULT_TIME_ZONE, SHOP_TIME_ZONES } from './consent-data';
import { contactLine } from './consent-text';
import { requestRef, type RequestDocData } from './request-data';
import { requestEn } from './request.en';
import { requestId, type RequestDocKey } from './request.id';

const requestT = (lang: Lang) => translator<RequestDocKey>({ id: requestId, en: requestEn }, lang);
type T = ReturnType<typeof requestT>;

const LETTER: Record<Pasal15Ground, string> = { defence: 'a', law_enforcement: 'b', public_interest: 'c', financial_supervision: 'd', statistics: 'e' };

function moment(t: T, lang: Lang, data: RequestDocData, at: number): string {
  const zone = data.timeZone ?? DEFAULT_TIME_ZONE;
  return t('moment', { date: formatDate(lang, dayIn(at, zone), 'long'), time: formatClock(lang, at, zone), zone: SHOP_TIME_ZONES[zone] });
}

function base(t: T, data: RequestDocData, at: number, blocks: DocumentModel['blocks'], title: string, footer: RequestDocKey): DocumentModel {
  const ref = requestRef(data.request.number);
  return {
    title: `${title} ${ref} — ${data.shop.name}`,
    author: data.shop.name,
    date: new Date(at),
    kind: 'document',
    blocks,
    footer: t(footer, { shop: data.shop.name, ref }),
    pageLabel: (page, total) => t('page', { page, total }),
  };
}

export function requestReceiptModel(data: RequestDocData, lang: Lang): DocumentModel {
  const t = requestT(lang);
  const r = data.request;
  const ref = requestRef(r.number);
  const pasal = REQUEST_LAW[r.type].pasal;
  const due = moment(t, lang, data, r.dueAt);
  return base(
    t,
    data,
    r.receivedAt,
    [
      { kind: 'title', text: t('receipt.title') },
      { kind: 'subtitle', text: t('receipt.subtitle', { shop: data.shop.name, ref }) },
      { kind: 'paragraph', text: t('receipt.lead') },
      {
        kind: 'facts',
        rows: [
          [t('receipt.ref'), ref],
          [t('receipt.type'), `${t(`type.${r.type}`)} (${t('receipt.law', { pasal })})`],
          [t('receipt.received'), moment(t, lang, data, r.receivedAt)],
          [t('receipt.channel'), t(`channel.${r.channel}`)],
          [t('receipt.from'), r.from ?? t('receipt.fromUnknown')],
          [t('receipt.asked'), r.asked.trim() || t('receipt.askedNone')],
          [t('receipt.due'), due],
          ['', r.dueBasis === 'law' ? t('receipt.dueBasis.law', { pasal }) : t('receipt.dueBasis.shop', { days: r.targetDays })],
          [t('receipt.takenBy'), r.takenBy],
        ],
      },
      { kind: 'group', blocks: [{ kind: 'heading', text: t('receipt.next.heading') }, { kind: 'paragraph', text: t('receipt.next', { due }) }] },
      { kind: 'paragraph', text: t('receipt.rights', { authority: data.authority }) },
      { kind: 'paragraph', text: `${data.shop.name} · ${contactLine(lang, data.shop)}` },
    ],
    t('receipt.title'),
    'receipt.footer',
  );
}

export function requestReceiptWhatsapp(data: RequestDocData, lang: Lang): string {
  const t = requestT(lang);
  const r = data.request;
  return [
    t('wa.receipt', { ref: requestRef(r.number), shop: data.shop.name }),
    t('wa.type', { type: t(`type.${r.type}`) }),
    t('wa.received', { moment: moment(t, lang, data, r.receivedAt) }),
    t('wa.due', { moment: moment(t, lang, data, r.dueAt) }),
    t('wa.receiptNext'),
  ].join('\n');
}

/** What the letter says was done, for its type and outcome. */
function body(t: T, data: RequestDocData): FlowBlock[] {
  const reply = data.reply!;
  const r = data.request;
  const out: FlowBlock[] = [];
  if (reply.outcome !== 'refused') {
    out.push({ kind: 'paragraph', text: t(`reply.done.${r.type}`) });
    if (reply.erasure) {
      if (reply.erasure.keptPurchases > 0) out.push({ kind: 'paragraph', text: t('reply.erase.kept', { count: reply.erasure.keptPurchases }) });
      out.push({ kind: 'paragraph', text: t('reply.erase.backups', { days: reply.erasure.backupDays }) });
    }
  }
  if (reply.outcome !== 'done') {
    out.push({ kind: 'paragraph', text: t(reply.outcome === 'partly' ? 'reply.partly' : 'reply.refused') });
    if (reply.reason) out.push({ kind: 'paragraph', text: reply.reason, bold: true });
    if (reply.pasal15) out.push({ kind: 'paragraph', text: t('reply.pasal15', { letter: LETTER[reply.pasal15], ground: t(`ground.${reply.pasal15}`) }) });
  }
  return out;
}

export function requestReplyModel(data: RequestDocData, lang: Lang): DocumentModel {
  const t = requestT(lang);
  const r = data.request;
  const reply = data.reply;
  if (!reply) throw new Error('a reply needs an outcome');
  const title = t(`reply.title.${reply.outcome}`);
  return base(
    t,
    data,
    reply.answeredAt,
    [
      { kind: 'title', text: title },
      { kind: 'subtitle', text: `${data.shop.name} · ${contactLine(lang, data.shop)}` },
      {
        kind: 'facts',
        rows: [
          [t('reply.to'), r.from ?? t('receipt.fromUnknown')],
          [t('reply.re'), t('reply.reValue', { ref: requestRef(r.number), type: t(`type.${r.type}`), received: moment(t, lang, data, r.receivedAt) })],
          [t('reply.answered'), moment(t, lang, data, reply.answeredAt)],
        ],
      },
      { kind: 'paragraph', text: t('reply.greeting') },
      ...body(t, data),
      { kind: 'paragraph', text: t('reply.rights', { authority: data.authority }) },
      { kind: 'group', blocks: [{ kind: 'paragraph', text: t('reply.closing') }, { kind: 'signature', items: [{ label: data.shop.name }] }] },
    ],
    title,
    'reply.footer',
  );
}

export function requestReplyWhatsapp(data: RequestDocData, lang: Lang): string {
  const t = requestT(lang);
  const r = data.request;
  const reply = data.reply;
  if (!reply) throw new Error('a reply needs an outcome');
  const lines = body(t, data).map((b) => (b.kind === 'paragraph' ? b.text : ''));
  return [
    t('wa.reply', { title: t(`reply.title.${reply.outcome}`), shop: data.shop.name }),
    t('wa.replyRe', { ref: requestRef(r.number), type: t(`type.${r.type}`) }),
    ...lines.filter(Boolean),
    t('wa.rights', { authority: data.authority }),
  ].join('\n');
}
