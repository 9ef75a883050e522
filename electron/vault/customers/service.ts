/**
 * The customers service the router calls (`customers.search/get/save/remove/tags/markVerified`).
 * Input has been parsed by the contract's schema; values are checked here against the field catalogue.
 */
import {
  BUILTIN_FIELDS,
  type Customer,
  type CustomerPage,
  type FieldDef,
  type SaveCustomerInput,
  type SearchCustomersInput,
  type TagCount,
} from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { listFields } from '../fields/repository';
import { deleteCustomer, getCustomer, insertCustomer, markCustomerVerified, tagCounts, updateCustomer } from './repository';
import { maskCustomer, revealValue, sensitiveKeys, unmaskInput } from './masking';
import { searchCustomers, type SearchOptions } from './search';
import { validateCustomer, type NormalisedCustomer } from './validate';

export interface CustomersService {
  search(input: SearchCustomersInput, options?: Pick<Partial<SearchOptions>, 'onlyIds'>): Promise<CustomerPage>;
  /** Throws `not_found` when there is no such customer. */
  get(id: number): Promise<Customer>;
  /**
   * Creates when `id` is absent, otherwise updates (`not_found` if it does not exist). Returns the stored customer.
   * On update, values of switched-off fields that were kept (not erased) stay as they are.
   */
  save(input: SaveCustomerInput): Promise<Customer>;
  /** Deletes the customer, its search entry, tags and purchases; `not_found` if it does not exist. */
  remove(id: number): Promise<{ id: number }>;
  /** Most used tags starting with `prefix` (autocomplete), with counts. */
  tags(input: { prefix: string; limit: number }): Promise<TagCount[]>;
  /** Staff confirmed the details with the customer now; `not_found` if it does not exist. */
  markVerified(id: number): Promise<Customer>;
}

const notFound = (id: number): VaultError => new VaultError('not_found', undefined, `customer ${id}`);

async function reread(tx: Queryable, id: number): Promise<Customer> {
  const saved = await getCustomer(tx, id);
  if (!saved) throw new VaultError('internal', undefined, `customer ${id} vanished while saving`);
  return saved;
}

/**
 * A switched-off field keeps what was stored before it was switched off (unless erased): the form does
 * not show it, so an update must not clear it. Enabled fields take the new values.
 */
function keepHiddenValues(next: NormalisedCustomer, stored: Customer, fields: readonly FieldDef[]): NormalisedCustomer {
  const enabled = new Set(fields.filter((f) => f.enabled).map((f) => f.key));
  const merged: NormalisedCustomer = { ...next, custom: { ...next.custom } };
  for (const key of BUILTIN_FIELDS) {
    if (!enabled.has(key)) (merged as unknown as Record<string, unknown>)[key] = stored[key];
  }
  for (const [key, value] of Object.entries(stored.custom)) {
    if (!enabled.has(key)) merged.custom[key] = value;
  }
  return merged;
}

export interface CustomersServiceOptions {
  /** The signed-in role may not see sensitive values in full: they come back masked. */
  mask?: boolean;
}

/** The handler creates one per call, so the catalogue is read at most once per request. */
export function createCustomersService(db: Db, now: () => number = Date.now, opts: CustomersServiceOptions = {}): CustomersService & {
  reveal(id: number, field: string): Promise<{ field: string; value: string | number | null; display: string | null }>;
} {
  let catalogue: Promise<FieldDef[]> | undefined;
  const fields = (): Promise<FieldDef[]> => {
    catalogue ??= listFields(db);
    return catalogue;
  };
  const shown = async (c: Customer): Promise<Customer> => (opts.mask ? maskCustomer(c, sensitiveKeys(await fields())) : c);

  return {
    async search(input, options = {}) {
      const page = await searchCustomers(db, input, options);
      if (!opts.mask) return page;
      const sensitive = sensitiveKeys(await fields());
      return { ...page, items: page.items.map((c) => maskCustomer(c, sensitive)) };
    },

    async get(id) {
      const customer = await getCustomer(db, id);
      if (!customer) throw notFound(id);
      return shown(customer);
    },

    async reveal(id, field) {
      const customer = await getCustomer(db, id);
      if (!customer) throw notFound(id);
      if (!sensitiveKeys(await fields()).has(field)) throw new VaultError('invalid_input', { field: 'invalid_value' });
      return { field, ...revealValue(customer, field) };
    },

    async save({ id, customer: raw }) {
      const catalogueNow = await fields();
      let input = raw;
      if (opts.mask && id !== undefined) {
        const before = await getCustomer(db, id);
        if (!before) throw notFound(id);
        input = unmaskInput(raw, before, sensitiveKeys(catalogueNow));
      }
      const customer = validateCustomer(input, catalogueNow, now());
      const saved = await db.transaction(async (tx) => {
        const at = now();
        if (id === undefined) return reread(tx, await insertCustomer(tx, customer, at));
        const stored = await getCustomer(tx, id);
        if (!stored) throw notFound(id);
        await updateCustomer(tx, id, keepHiddenValues(customer, stored, catalogueNow), at);
        return reread(tx, id);
      });
      return shown(saved);
    },

    async remove(id) {
      const removed = await db.transaction((tx) => deleteCustomer(tx, id));
      if (!removed) throw notFound(id);
      return { id };
    },

    tags: ({ prefix, limit }) => tagCounts(db, prefix, limit),

    async markVerified(id) {
      const verified = await db.transaction(async (tx) => {
        if (!(await markCustomerVerified(tx, id, now()))) throw notFound(id);
        return reread(tx, id);
      });
      return shown(verified);
    },
  };
}
