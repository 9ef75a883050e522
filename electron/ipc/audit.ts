/**
 * What the router writes to the audit trail after a channel succeeds: one describer per channel
 * that changes or reveals customer data. Sign-in, staff, account, settings and security changes are
 * recorded by their services (they know the before and after). Details hold counts, field names,
 * roles and file names — never a customer's phone, e-mail or other value.
 */
import type { ChannelName, OutputOf, ParsedInputOf } from '../contract';
import type { AuditRecord } from '../vault/service';
import type { Context } from './context';

type Describer<C extends ChannelName> = (input: ParsedInputOf<C>, output: OutputOf<C>, ctx: Context) => AuditRecord | null;

const fileName = (ctx: Context, fileId: string): string | null => {
  try {
    return ctx.transfer.file(fileId).name;
  } catch {
    return null;
  }
};

export const auditDescribers: { [C in ChannelName]?: Describer<C> } = {
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
  'purchases.remove': (i) => ({ action: 'purchase.delete', targetType: 'purchase', targetId: i.id }),
  'import.run': (i, o, ctx) => ({
    action: 'data.import',
    targetType: 'file',
    targetId: fileName(ctx, i.fileId),
    details: { imported: o.imported, updated: o.updated, skipped: o.skipped, invalid: o.invalid.length, onDuplicate: i.onDuplicate },
  }),
  'export.run': (i, o) =>
    o && {
      action: 'data.export',
      targetType: 'file',
      targetId: o.fileName,
      details: { what: 'customers', format: i.format, count: o.count, scope: i.scope.kind, fields: i.fields },
    },
  'audit.export': (_i, o) => o && { action: 'data.export', targetType: 'file', targetId: o.fileName, details: { what: 'audit', count: o.rows } },
  'fields.update': (i) => ({ action: 'fields.update', targetType: 'field', targetId: i.key, details: { enabled: i.enabled, ...(i.erase !== undefined ? { erase: i.erase } : {}) } }),
  'fields.createCustom': (i) => ({ action: 'fields.update', targetType: 'field', details: { created: i.label, kind: i.kind, sensitive: i.sensitive } }),
  'fields.deleteCustom': (i) => ({ action: 'fields.update', targetType: 'field', targetId: i.key, details: { deleted: true } }),
};

export function describe<C extends ChannelName>(channel: C, input: ParsedInputOf<C>, output: OutputOf<C>, ctx: Context): AuditRecord | null {
  const d = auditDescribers[channel] as Describer<C> | undefined;
  return d ? d(input, output, ctx) : null;
}
