/**
 * What the privacy notice is generated from — typed input, not text. Today a test fixture fills
 * it; the purposes domain (contract/purposes.ts) and the shop's settings will fill it later.
 * Words the shop writes itself (a purpose's name and description) come in both languages.
 */
import { RETENTION_FROM, type Role } from '../../../contract';

export interface Localized {
  id: string;
  en: string;
}

/** UU PDP Pasal 20(2) a–f. */
export const lawfulBases = ['consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

/** The contract's own list (contract/purposes.ts): what a retention period counts from. */
export const retentionStarts = RETENTION_FROM;
export type RetentionStart = (typeof retentionStarts)[number];

export interface NoticePurpose {
  key: string;
  name: Localized;
  description: Localized;
  basis: LawfulBasis;
  /** The data it uses, as the customer would name them ("Nomor WhatsApp"). */
  fields: readonly Localized[];
  retention: { months: number; from: RetentionStart };
}

export interface NoticeRecipient {
  name: string;
  why: Localized;
  /** Where the recipient keeps the data ("Indonesia"); abroad must be said. */
  country: Localized;
  /** Kept outside Indonesia: the notice says so, and what the shop does about it. */
  abroad?: boolean;
}

export interface NoticeData {
  shop: { name: string; address: string; whatsapp?: string; phone?: string; email?: string };
  purposes: readonly NoticePurpose[];
  /** Who inside the shop can see what, one line per role the shop uses. */
  access: readonly { role: Role; sees: Localized }[];
  /** Backups are encrypted copies; `place` says where they go ("a USB disk kept in the office"). */
  backups: { encrypted: true; place?: Localized } | null;
  /** Empty: nothing leaves the shop. */
  recipients: readonly NoticeRecipient[];
  /** The authority complaints go to — a setting; Komdigi acts for the PDP agency (PRIVACY.md). */
  authority: string;
  version: {
    number: number;
    /** ISO calendar date the version takes effect. */
    date: string;
    /** Not published yet: every output says "konsep / draft" plainly, so nobody hands it out. */
    draft?: boolean;
  };
}

export { DEFAULT_AUTHORITY } from '../../../contract/notice';
