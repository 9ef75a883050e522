import { api } from '../api';
import type { AuditAction, AuditEntry, AuditQueryInput, AuditVerification, ErrorCode, Result } from '../contract';
import type { SliceCreator } from './types';

/** What the audit trail is narrowed to (dates are ms since the epoch, `to` inclusive). */
export interface AuditFilter {
  actorId?: number;
  action?: AuditAction;
  customerId?: number;
  from?: number;
  to?: number;
}

export const AUDIT_PAGE_SIZE = 100;

/** The audit trail: newest first, paged backwards with `before`. Dropped on lock (`clearAudit`). */
export interface AuditSlice {
  /** null until the first page answers. */
  auditEntries: AuditEntry[] | null;
  auditMore: boolean;
  auditFilter: AuditFilter;
  auditLoading: boolean;
  auditError: ErrorCode | null;
  auditVerification: AuditVerification | null;
  /** Loads the newest page for a filter, replacing what is shown. */
  loadAudit(filter?: AuditFilter): Promise<void>;
  /** Appends the next older page. */
  loadMoreAudit(): Promise<void>;
  verifyAudit(): Promise<Result<AuditVerification>>;
  /** The current filter as CSV through the save dialog; null value: the user cancelled. */
  exportAudit(): Promise<Result<{ fileName: string; rows: number } | null>>;
  clearAudit(): void;
}

/** The query `audit.list` gets for a filter (only the parts that are set). */
export function auditQuery(filter: AuditFilter, before?: number): AuditQueryInput {
  const q: AuditQueryInput = { limit: AUDIT_PAGE_SIZE };
  if (filter.actorId !== undefined) q.actorId = filter.actorId;
  if (filter.action !== undefined) q.action = filter.action;
  if (filter.customerId !== undefined) q.customerId = filter.customerId;
  if (filter.from !== undefined) q.from = filter.from;
  if (filter.to !== undefined) q.to = filter.to;
  if (before !== undefined) q.before = before;
  return q;
}

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get) => {
  // Answers to an older request (a filter changed meanwhile, or the vault locked) are dropped.
  let request = 0;

  const fetchPage = async (filter: AuditFilter, before: number | undefined) => {
    const mine = ++request;
    set({ auditLoading: true });
    const res = await api.audit.list(auditQuery(filter, before));
    if (mine !== request) return;
    if (res.ok) {
      const shown = before === undefined ? [] : (get().auditEntries ?? []);
      set({ auditEntries: [...shown, ...res.value.entries], auditMore: res.value.more, auditLoading: false, auditError: null });
    } else {
      set({ auditLoading: false, auditError: res.error.code });
      get().noteError(res.error);
    }
  };

  return {
    auditEntries: null,
    auditMore: false,
    auditFilter: {},
    auditLoading: false,
    auditError: null,
    auditVerification: null,

    async loadAudit(filter) {
      const next = filter ?? get().auditFilter;
      set({ auditFilter: next });
      await fetchPage(next, undefined);
    },

    async loadMoreAudit() {
      const entries = get().auditEntries;
      const last = entries?.[entries.length - 1];
      if (!last || !get().auditMore || get().auditLoading) return;
      await fetchPage(get().auditFilter, last.id);
    },

    async verifyAudit() {
      set({ auditVerification: null });
      const res = await api.audit.verify();
      if (res.ok) set({ auditVerification: res.value });
      else get().noteError(res.error);
      return res;
    },

    async exportAudit() {
      const { actorId, action, customerId, from, to } = auditQuery(get().auditFilter);
      const res = await api.audit.export({
        ...(actorId !== undefined ? { actorId } : {}),
        ...(action !== undefined ? { action } : {}),
        ...(customerId !== undefined ? { customerId } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      if (!res.ok) get().noteError(res.error);
      return res;
    },

    clearAudit() {
      request++;
      set({ auditEntries: null, auditMore: false, auditFilter: {}, auditLoading: false, auditError: null, auditVerification: null });
    },
  };
};
