/**
 * What the consent form and the consent receipt are made from — typed input, not text. The consent
 * service fills it from the shop's settings, its purposes, the notice in force and a ledger entry.
 * Purposes come as the notice describes them (NoticePurpose: name, description, data, retention in
 * both languages), so the form, the receipt and the notice always say the same about a purpose.
 */
import type { ConsentEntry } from '../../../contract/consent';
import type { NoticeData, NoticePurpose } from './notice-data';
import type { NoticeBrief } from './notice-short';

export type ShopContact = NoticeData['shop'];

export interface ConsentCustomer {
  name: string;
  phone?: string;
}

export interface ConsentFormData {
  shop: ShopContact;
  /** The shop's purposes; only those whose basis is consent are asked about (one box pair each). */
  purposes: readonly NoticePurpose[];
  /** The notice version in force, in brief (its short text is printed); null: none published yet. */
  notice: NoticeBrief | null;
  /** Pre-fills the name and phone lines; null: a blank form to fill by hand. */
  customer: ConsentCustomer | null;
  /**
   * ISO date the form is made. Only the PDF's metadata carries it (the customer writes the signing
   * date by hand): the same input gives the same bytes.
   */
  date: string;
}

/** Indonesia's three zones and their abbreviations as receipts print them. */
export const SHOP_TIME_ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' } as const;
export type ShopTimeZone = keyof typeof SHOP_TIME_ZONES;
export const DEFAULT_TIME_ZONE: ShopTimeZone = 'Asia/Jakarta';

/** What a receipt needs of a ledger entry: a ConsentEntry as the repository returns it will do. */
export type ReceiptEntry = Pick<ConsentEntry, 'id' | 'state' | 'at' | 'method' | 'recordedBy' | 'noticeVersion' | 'guardian'>;

export interface ConsentReceiptData {
  shop: ShopContact;
  customer: ConsentCustomer;
  /** The purpose the entry is about. */
  purpose: NoticePurpose;
  entry: ReceiptEntry;
  /** The date and SHA-256 of the notice version the entry names (null: it names none, or they are unknown). */
  notice: { date: string; sha256: string } | null;
  /** Who outside the shop receives data, by name; empty: no one. */
  recipients: readonly string[];
  /** The authority complaints go to (a setting; DEFAULT_AUTHORITY). */
  authority: string;
  /** The shop's zone for the time printed (default Asia/Jakarta, WIB). */
  timeZone?: ShopTimeZone;
}

/** The reference printed on a receipt and quoted back by the customer: the ledger entry's id. */
export const receiptNumber = (entryId: number): string => `C-${String(entryId).padStart(6, '0')}`;
