import { api } from '../api';
import type { CustomerConsent, ErrorCode, Lang, PickedEvidence, RecordConsentInput, Result } from '../contract';
import type { SliceCreator } from './types';

/** The consent rows and history of the customer open in the editor. */
export interface ConsentSlice {
  consent: CustomerConsent | null;
  consentError: ErrorCode | null;
  loadConsent(customerId: number): Promise<void>;
  /** Records one entry; on success the rows and history are the vault's answer (re-read, not patched). */
  recordConsent(input: RecordConsentInput): Promise<Result<CustomerConsent>>;
  /** The system's file dialog: null when cancelled (or refused: the error is shown as a notice). */
  pickEvidence(): Promise<Result<PickedEvidence | null>>;
  saveEvidence(id: number): Promise<Result<{ saved: boolean }>>;
  /** The consent form to print (PDF), pre-filled for a customer or blank; null when the dialog is cancelled. */
  saveConsentForm(customerId?: number): Promise<Result<{ fileName: string } | null>>;
  /** The receipt of one entry as a PDF, in the customer's language. */
  saveConsentReceipt(entryId: number, lang: Lang): Promise<Result<{ fileName: string } | null>>;
  /** The receipt of one entry as a short text to send by WhatsApp. */
  consentReceiptText(entryId: number, lang: Lang): Promise<Result<string>>;
  clearConsent(): void;
}

export const createConsentSlice: SliceCreator<ConsentSlice> = (set, get) => ({
  consent: null,
  consentError: null,

  async loadConsent(customerId) {
    const res = await api.consent.get({ customerId });
    if (res.ok) set({ consent: res.value, consentError: null });
    else {
      set({ consent: null, consentError: res.error.code });
      get().noteError(res.error);
    }
  },

  async recordConsent(input) {
    const res = await api.consent.record(input);
    if (res.ok) {
      set({ consent: res.value, consentError: null });
      // The list's consent filter reads the same state.
      get().reloadCustomers();
    } else get().noteError(res.error);
    return res;
  },

  async pickEvidence() {
    const res = await api.consent.pickEvidence();
    if (!res.ok) get().noteError(res.error);
    return res;
  },

  async saveEvidence(id) {
    const res = await api.consent.saveEvidence({ id });
    if (!res.ok) get().noteError(res.error);
    else if (res.value.saved) get().showNotice('consent.evidenceSaved');
    return res;
  },

  async saveConsentForm(customerId) {
    const res = await api.consent.saveForm(customerId === undefined ? {} : { customerId });
    if (!res.ok) get().noteError(res.error);
    else if (res.value) get().showNotice('consent.form.saved', { file: res.value.fileName });
    return res;
  },

  async saveConsentReceipt(entryId, lang) {
    const res = await api.consent.saveReceipt({ entryId, lang });
    if (!res.ok) get().noteError(res.error);
    else if (res.value) get().showNotice('consent.receipt.saved', { file: res.value.fileName });
    return res;
  },

  async consentReceiptText(entryId, lang) {
    const res = await api.consent.receiptText({ entryId, lang });
    if (!res.ok) get().noteError(res.error);
    return res;
  },

  clearConsent: () => set({ consent: null, consentError: null }),
});
