/**
 * The entries the router writes for the channels contract/records.ts marks `view` or `change`: one
 * describer per such channel, required by the type (a channel the contract says is audited cannot
 * lack one). The entry is written inside the call's transaction (router.ts). Sign-in, staff,
 * account, settings, security, backup, restore and exports write their own (`own`). Details hold
 * counts, field names, roles and file names — never a customer's phone, e-mail or other value.
 */
import type { OutputOf, ParsedInputOf, RouterAudited } from '../contract';
import type { AuditRecord } from '../vault/service';
import type { Context } from './context';

type Describer<C extends RouterAudited> = (input: ParsedInputOf<C>, output: OutputOf<C>, ctx: Context) => AuditRecord;

export const auditDescribers: { [C in RouterAudited]: Describer<C> } = {
  'customers.search': (i, o) => ({
    action: 'customer.search',
    targetType: 'customer',
    // What was asked for, never the words typed (a search can be a phone number).
    details: { results: o.items.length, offset: i.offset, query: i.query.trim() !== '', filters: Object.keys(i.filter ?? {}) },
  }),
  'customers.get': (i) => ({ action: 'customer.view', targetType: 'customer', targetId: i.id }),
  'customers.save': (i, o) => ({
    action: i.id === undefined ? 'customer.create' : 'customer.update',
    targetType: 'customer',
    targetId: o.id,
    details: { fields: Object.entries(i.customer).filter(([, v]) => v !== undefined).map(([k]) => k) },
  }),
  'customers.remove': (i) => ({ action: 'customer.delete', targetType: 'customer', targetId: i.id }),
  'customers.markVerified': (i) => ({ action: 'customer.verify', targetType: 'customer', targetId: i.id }),
  'customers.reveal': (i) => ({ action: 'customer.reveal', targetType: 'customer', targetId: i.id, details: { field: i.field } }),
  'purchases.save': (i, o) => ({
    action: 'purchase.save',
    targetType: 'customer',
    targetId: o.customerId,
    details: { purchaseId: o.id, created: i.id === undefined },
  }),
  'purchases.list': (i, o) => ({ action: 'purchase.view', targetType: 'customer', targetId: i.customerId, details: { purchases: o.length } }),
  'purchases.remove': (i) => ({ action: 'purchase.delete', targetType: 'purchase', targetId: i.id }),
  'fields.update': (i) => ({ action: 'fields.update', targetType: 'field', targetId: i.key, details: { enabled: i.enabled, ...(i.erase !== undefined ? { erase: i.erase } : {}), ...(i.purposes ? { purposes: i.purposes } : {}) } }),
  'fields.createCustom': (i) => ({ action: 'fields.update', targetType: 'field', details: { created: i.label, kind: i.kind, sensitive: i.sensitive } }),
  // Keys, basis and retention only: the words are the shop's, not a customer's, but they stay out anyway.
  'purposes.save': (i, o) => {
    const key = i.key ?? [...o].reverse().find((p) => p.name.en === i.name.en && p.name.id === i.name.id)?.key ?? null;
    return { action: i.key === undefined ? 'purpose.create' : 'purpose.update', targetType: 'purpose', targetId: key, details: { basis: i.basis, months: i.retention.months, from: i.retention.from } };
  },
  'purposes.retire': (i) => ({ action: 'purpose.retire', targetType: 'purpose', targetId: i.key }),
  'fields.deleteCustom': (i) => ({ action: 'fields.update', targetType: 'field', targetId: i.key, details: { deleted: true } }),
};

export function describe<C extends RouterAudited>(channel: C, input: ParsedInputOf<C>, output: OutputOf<C>, ctx: Context): AuditRecord {
  return (auditDescribers[channel] as Describer<C>)(input, output, ctx);
}
