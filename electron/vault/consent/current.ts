/**
 * Purpose-bound use of the consent ledger: the SQL that limits a read (the customer list's consent
 * filter, an export for a consent-based purpose) to customers by their current consent. Every use
 * reads `consent_current` (the latest entry per purpose × customer, kept by migration 5's trigger in
 * the transaction that appends the entry) by its primary key (purpose_key, customer_id), inside the
 * statement that reads the customers: a withdrawal committed before the statement starts is seen by it.
 */
import type { ConsentStatus } from '../../contract';
import type { Param, Queryable } from '../db/driver';
import { invalid } from '../errors';

export interface ConsentSql {
  sql: string;
  params: Param[];
}

/**
 * A test of one customer (its id in `idColumn`): its current consent to `purpose` is `state`;
 * `none` is no entry at all.
 */
export function consentTest(purpose: string, state: ConsentStatus, idColumn = 'customers.id'): ConsentSql {
  if (state === 'none') {
    return { sql: `NOT EXISTS (SELECT 1 FROM consent_current k WHERE k.purpose_key = ? AND k.customer_id = ${idColumn})`, params: [purpose] };
  }
  return {
    sql: `EXISTS (SELECT 1 FROM consent_current k WHERE k.purpose_key = ? AND k.customer_id = ${idColumn} AND k.state = ?)`,
    params: [purpose, state],
  };
}

/** The ids (column `id`) of the customers whose current consent to `purpose` is `state`. */
export function consentIds(purpose: string, state: ConsentStatus): ConsentSql {
  if (state === 'none') {
    const test = consentTest(purpose, state);
    return { sql: `SELECT id FROM customers WHERE ${test.sql}`, params: test.params };
  }
  return { sql: 'SELECT customer_id AS id FROM consent_current WHERE purpose_key = ? AND state = ?', params: [purpose, state] };
}

/**
 * Refuses a consent filter on a purpose that is unknown or not consent-based (nobody's consent is
 * asked for it, so every customer would be `none`): invalid_input on `at`. Retired purposes are allowed:
 * their history stays.
 */
export async function requireConsentPurpose(q: Queryable, purpose: string, at: string): Promise<void> {
  const row = await q.get<{ needs_consent: number }>('SELECT needs_consent FROM purposes WHERE key = ?', [purpose]);
  if (row?.needs_consent !== 1) throw invalid({ [at]: 'invalid_choice' });
}
