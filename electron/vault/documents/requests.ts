/**
 * The request documents — the entry points the requests service calls:
 *   renderRequestDoc('receipt' | 'reply', data, lang, 'pdf')       A4 PDF in the customer's language
 *   renderRequestDoc('receipt' | 'reply', data, lang, 'whatsapp')  a short text to send
 */
import type { Lang } from '../../contract/i18n';
import type { ReceiptFormat, ReceiptOutput } from './consent';
import { renderPdf } from './render';
import type { RequestDocData } from './templates/request-data';
import { requestReceiptModel, requestReceiptWhatsapp, requestReplyModel, requestReplyWhatsapp } from './templates/request-docs';

export type RequestDocKind = 'receipt' | 'reply';

export async function renderRequestDoc<F extends ReceiptFormat>(kind: RequestDocKind, data: RequestDocData, lang: Lang, format: F): Promise<ReceiptOutput<F>> {
  const out =
    format === 'pdf'
      ? await renderPdf(kind === 'receipt' ? requestReceiptModel(data, lang) : requestReplyModel(data, lang))
      : kind === 'receipt'
        ? requestReceiptWhatsapp(data, lang)
        : requestReplyWhatsapp(data, lang);
  return out as ReceiptOutput<F>;
}
