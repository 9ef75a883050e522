/**
 * The customers service the router calls (`customers.search/get/save/remove`).
 * Input has been parsed by the contract's schema; phone and email are validated here.
 */
import type { Customer, CustomerPage, SaveCustomerInput, SearchCustomersInput } from '../../contract';
import type { Db } from '../db/driver';
import { VaultError } from '../errors';
import { deleteCustomer, getCustomer, insertCustomer, updateCustomer } from './repository';
import { searchCustomers } from './search';
import { validateCustomer } from './validate';

export interface CustomersService {
  search(input: SearchCustomersInput): Promise<CustomerPage>;
  /** Throws `not_found` when there is no such customer. */
  get(id: number): Promise<Customer>;
  /** Creates when `id` is absent, otherwise updates (`not_found` if it does not exist). Returns the stored customer. */
  save(input: SaveCustomerInput): Promise<Customer>;
  /** Deletes the customer and its search entry; `not_found` if it does not exist. */
  remove(id: number): Promise<{ id: number }>;
}

const notFound = (id: number): VaultError => new VaultError('not_found', undefined, `customer ${id}`);

export function createCustomersService(db: Db, now: () => number = Date.now): CustomersService {
  return {
    search: (input) => searchCustomers(db, input),

    async get(id) {
      const customer = await getCustomer(db, id);
      if (!customer) throw notFound(id);
      return customer;
    },

    async save({ id, customer: input }) {
      const customer = validateCustomer(input);
      return db.transaction(async (tx) => {
        const at = now();
        let savedId: number;
        if (id === undefined) {
          savedId = await insertCustomer(tx, customer, at);
        } else {
          if (!(await updateCustomer(tx, id, customer, at))) throw notFound(id);
          savedId = id;
        }
        const saved = await getCustomer(tx, savedId);
        if (!saved) throw new VaultError('internal', undefined, `customer ${savedId} vanished while saving`);
        return saved;
      });
    },

    async remove(id) {
      const removed = await db.transaction((tx) => deleteCustomer(tx, id));
      if (!removed) throw notFound(id);
      return { id };
    },
  };
}
