/**
 * Migration 4 (purposes): purposes become rows with a lawful basis and retention, and fields link to
 * them. Kept in a file of its own (migrations.ts lists it) — never edit it after release.
 *
 * Today's per-field purpose text becomes purposes:
 * - a field whose text is still the one migration 2 seeded is linked to the seeded purposes that
 *   say the same thing (phone → order updates, customer service, WhatsApp promotions; …);
 * - every other distinct text becomes one purpose `field_<first field key>`, its text kept word for
 *   word as the description (and, cut to 120 characters, as the name) in both languages. Its basis
 *   is **legitimate interest**: the one basis that claims neither a contract nor a law nor a consent
 *   nobody recorded; the shop reviews it (purposes.save). Contract would assert a necessity we cannot
 *   know, consent would make every use wait for consent records that do not exist yet.
 *   Retention 24 months from the last contact, the seeded customer-service default.
 * So every enabled field (which migration 2's CHECK forced to have text) serves ≥ 1 purpose.
 *
 * `fields.purpose` stays (its CHECK needs rebuilding the table to drop, and the customer form reads
 * it): from now on it holds the linked active purposes' Indonesian names, kept by the vault.
 */
import type { Migration } from './migrations';

const BASES = "'consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest'";
const FROM = "'last_purchase', 'last_contact', 'consent_withdrawn', 'contract_end'";

export const purposesMigration: Migration = {
  id: 4,
  name: 'purposes',
  sql: `
    CREATE TABLE purposes (
      key              TEXT PRIMARY KEY CHECK (length(key) BETWEEN 2 AND 40 AND key NOT GLOB '*[^a-z0-9_]*' AND substr(key, 1, 1) GLOB '[a-z]'),
      name_id          TEXT NOT NULL CHECK (length(trim(name_id)) > 0),
      name_en          TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
      description_id   TEXT NOT NULL CHECK (length(trim(description_id)) > 0),
      description_en   TEXT NOT NULL CHECK (length(trim(description_en)) > 0),
      basis            TEXT NOT NULL CHECK (basis IN (${BASES})),
      -- Derived, never set: a purpose needs consent exactly when its basis is consent.
      needs_consent    INTEGER GENERATED ALWAYS AS (basis = 'consent') VIRTUAL,
      retention_months INTEGER NOT NULL CHECK (retention_months BETWEEN 1 AND 1200),
      retention_from   TEXT NOT NULL CHECK (retention_from IN (${FROM})),
      status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
      position         INTEGER NOT NULL,
      created_at       INTEGER NOT NULL,
      updated_at       INTEGER NOT NULL
    ) STRICT;

    -- Which field serves which purpose. Links to a retired purpose stay as history but count for nothing.
    CREATE TABLE field_purposes (
      field_key   TEXT NOT NULL REFERENCES fields (key) ON DELETE CASCADE,
      purpose_key TEXT NOT NULL REFERENCES purposes (key),
      PRIMARY KEY (field_key, purpose_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX field_purposes_by_purpose ON field_purposes (purpose_key, field_key);

    INSERT INTO purposes (key, name_id, name_en, description_id, description_en, basis, retention_months, retention_from, position, created_at, updated_at) VALUES
      ('order_updates', 'Kabar pesanan', 'Order updates',
       'Mengabari Anda tentang pesanan, pengiriman dan pengambilan lewat WhatsApp, telepon atau email.',
       'To tell you about your orders, deliveries and pick-ups by WhatsApp, phone or e-mail.',
       'contract', 12, 'last_purchase', 1, 0, 0),
      ('customer_service', 'Layanan pelanggan', 'Customer service',
       'Menjawab pertanyaan dan keluhan Anda, dan mengingat permintaan khusus Anda.',
       'To answer your questions and complaints, and to remember your special requests.',
       'legitimate_interest', 24, 'last_contact', 2, 0, 0),
      ('promotions_wa', 'Promo lewat WhatsApp', 'Promotions by WhatsApp',
       'Mengirim kabar promo dan produk baru lewat WhatsApp, hanya bila Anda setuju. Anda bisa berhenti kapan saja.',
       'To send you offers and news of new products by WhatsApp, only if you agree. You can stop at any time.',
       'consent', 1, 'consent_withdrawn', 3, 0, 0),
      ('invoices_tax', 'Nota dan catatan pajak', 'Invoices and tax records',
       'Menyimpan nota dan catatan penjualan selama 10 tahun, sebagaimana diwajibkan peraturan perpajakan.',
       'To keep invoices and sales records for 10 years, as tax law requires.',
       'legal_obligation', 120, 'last_purchase', 4, 0, 0);

    -- Fields still carrying migration 2's seeded text serve the seeded purposes that say the same.
    WITH seeded (field_key, text, purpose_key) AS (VALUES
      ('phone',   'Untuk menghubungi pelanggan tentang pesanan dan layanan.', 'order_updates'),
      ('phone',   'Untuk menghubungi pelanggan tentang pesanan dan layanan.', 'customer_service'),
      ('phone',   'Untuk menghubungi pelanggan tentang pesanan dan layanan.', 'promotions_wa'),
      ('email',   'Untuk mengirim nota dan kabar pesanan lewat email.',       'order_updates'),
      ('email',   'Untuk mengirim nota dan kabar pesanan lewat email.',       'invoices_tax'),
      ('address', 'Untuk mengantar pesanan ke rumah pelanggan.',              'order_updates'),
      ('city',    'Untuk mengatur pengiriman dan melihat asal pelanggan.',    'order_updates'),
      ('notes',   'Untuk mengingat permintaan khusus pelanggan.',             'customer_service'))
    INSERT INTO field_purposes (field_key, purpose_key)
      SELECT f.key, s.purpose_key FROM fields f JOIN seeded s ON s.field_key = f.key AND s.text = trim(f.purpose);

    -- Every other distinct text (on or off: a field switched off keeps its words) becomes a purpose.
    INSERT INTO purposes (key, name_id, name_en, description_id, description_en, basis, retention_months, retention_from, position, created_at, updated_at)
      SELECT 'field_' || min(f.key),
             CASE WHEN length(trim(f.purpose)) <= 120 THEN trim(f.purpose) ELSE substr(trim(f.purpose), 1, 119) || '…' END,
             CASE WHEN length(trim(f.purpose)) <= 120 THEN trim(f.purpose) ELSE substr(trim(f.purpose), 1, 119) || '…' END,
             trim(f.purpose), trim(f.purpose),
             'legitimate_interest', 24, 'last_contact', 100 + min(f.position), 0, 0
      FROM fields f
      WHERE trim(f.purpose) <> '' AND NOT EXISTS (SELECT 1 FROM field_purposes fp WHERE fp.field_key = f.key)
      GROUP BY trim(f.purpose);
    INSERT INTO field_purposes (field_key, purpose_key)
      SELECT f.key, p.key
      FROM fields f JOIN purposes p ON p.key GLOB 'field_*' AND p.description_id = trim(f.purpose)
      WHERE NOT EXISTS (SELECT 1 FROM field_purposes fp WHERE fp.field_key = f.key);

    UPDATE fields SET purpose = coalesce((
      SELECT string_agg(p.name_id, '; ' ORDER BY p.position, p.key)
      FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key
      WHERE fp.field_key = fields.key AND p.status = 'active'
    ), '');
  `,
};
