/**
 * The consent documents — the entry points the consent service and its channels call:
 *   renderConsentForm(data)                  A4 PDF, bilingual (id then en), to fill in and sign on paper
 *   renderConsentReceipt(data, lang, 'pdf')  A4 PDF in the customer's language
 *   renderConsentReceipt(data, lang, 'whatsapp')  a short text to send
 * Same input, same bytes: the PDFs are dated from their input (the form's date, the entry's time).
 */
import type { Lang } from '../../contract/i18n';
import { renderPdf } from './render';
import type { ConsentFormData, ConsentReceiptData } from './templates/consent-data';
import { consentFormModel } from './templates/consent-form';
import { receiptModel, receiptWhatsapp } from './templates/consent-receipt';

export type ReceiptFormat = 'pdf' | 'whatsapp';
export const receiptFormats: readonly ReceiptFormat[] = ['pdf', 'whatsapp'];
export type ReceiptOutput<F extends ReceiptFormat> = F extends 'pdf' ? Buffer : string;

export function renderConsentForm(data: ConsentFormData): Promise<Buffer> {
  return renderPdf(consentFormModel(data));
}

export async function renderConsentReceipt<F extends ReceiptFormat>(data: ConsentReceiptData, lang: Lang, format: F): Promise<ReceiptOutput<F>> {
  const out = format === 'pdf' ? await renderPdf(receiptModel(data, lang)) : receiptWhatsapp(data, lang);
  return out as ReceiptOutput<F>;
}
