/**
 * A correction made from the request (UU PDP Pasal 6, 30): the customer's record is changed through
 * the customers service — the same validation and normalising as the customer form — and the
 * request keeps what each changed field was before and is after. The change, its step on the
 * request and both audit entries (customer.update, request.update) commit in one transaction.
 */
import type { Customer, CustomerInput, CorrectInput } from '../../contract';
import { audited } from '../audit/audited';
import type { VaultContext } from '../context';
import { getCustomer } from '../customers/repository';
import { createCustomersService } from '../customers/service';
import { VaultError } from '../errors';
import { appendRequestEvent, assertConcerns } from './repository';

type Comparable = string | number | string[] | Record<string, string | number> | null;

/** The form's input from a stored record, so that only the fields asked for change. */
function inputOf(c: Customer): CustomerInput {
  const opt = (v: string | null) => v ?? undefined;
  return {
    name: c.name,
    phone: opt(c.phone),
    email: opt(c.email),
    address: opt(c.address),
    city: opt(c.city),
    notes: opt(c.notes),
    tags: c.tags,
    birthday: opt(c.birthday),
    gender: c.gender ?? undefined,
    preferences: opt(c.preferences),
    custom: c.custom,
  };
}

const value = (c: Customer, key: string): Comparable => (key === 'phone' ? c.phone : ((c as unknown as Record<string, Comparable>)[key] ?? null));

export function createCorrections(ctx: VaultContext) {
  return {
    async correct({ number, customerId, changes }: CorrectInput): Promise<Customer> {
      const u = ctx.user();
      if (!u) throw new VaultError('locked');
      const keys = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
      if (keys.length === 0) throw new VaultError('invalid_input', { changes: 'required' });
      let fields: string[] = [];
      return audited(
        ctx.db(),
        (tx, entry) => ctx.recordIn(tx, entry),
        async (db) => {
          await assertConcerns(db, number, customerId);
          const before = await getCustomer(db, customerId);
          if (!before) throw new VaultError('not_found', undefined, `customer ${customerId}`);
          const after = await createCustomersService(db, ctx.now).save({ id: customerId, customer: { ...inputOf(before), ...changes } });
          const changed = Object.fromEntries(
            keys.filter((k) => JSON.stringify(value(before, k)) !== JSON.stringify(value(after, k))).map((k) => [k, { before: value(before, k), after: value(after, k) }]),
          );
          fields = Object.keys(changed);
          await appendRequestEvent(db, number, { at: ctx.now(), kind: 'correction', by: { id: u.id, name: u.name }, detail: { customerId, changes: changed } });
          await ctx.recordIn(db, { action: 'request.update', targetType: 'request', targetId: String(number), details: { corrected: fields, customer: String(customerId) } });
          return after;
        },
        () => ({ action: 'customer.update', targetType: 'customer', targetId: String(customerId), details: { fields, request: number } }),
      );
    },
  };
}
