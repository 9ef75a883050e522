import type { Customer } from '../contract';
import type { MessageKey, MessageParams } from '../i18n/translate';
import type { SliceCreator } from './types';

export type Editor = { mode: 'new' } | { mode: 'edit'; customer: Customer };

/**
 * The main area's pages, one per entry of the primary navigation (features/nav/sections.tsx).
 * Later privacy sections (requests, hygiene, incidents) add their id here and one row there.
 */
export type PageId = 'customers' | 'purposes' | 'notice' | 'requests' | 'settings';

export interface Notice {
  key: MessageKey;
  params?: MessageParams;
  /** Distinguishes two identical notices in a row, so each one is announced. */
  serial: number;
}

export interface UiSlice {
  /** The customer form, when open. */
  editor: Editor | null;
  /** The page the primary navigation shows; back to the customer list on lock. */
  page: PageId;
  importOpen: boolean;
  exportOpen: boolean;
  /** A short confirmation shown in a polite live region. */
  notice: Notice | null;
  openNewCustomer(): void;
  openCustomer(customer: Customer): void;
  /** A fresher copy of the customer being edited (after a purchase or "details confirmed"). */
  updateEditorCustomer(customer: Customer): void;
  closeEditor(): void;
  goTo(page: PageId): void;
  setImportOpen(open: boolean): void;
  setExportOpen(open: boolean): void;
  showNotice(key: MessageKey, params?: MessageParams): void;
  clearNotice(): void;
  /** Closes everything that may show customer data (used on lock). */
  resetUi(): void;
}

let serial = 0;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  editor: null,
  page: 'customers',
  importOpen: false,
  exportOpen: false,
  notice: null,
  openNewCustomer: () => set({ editor: { mode: 'new' } }),
  openCustomer: (customer) => set({ editor: { mode: 'edit', customer } }),
  updateEditorCustomer: (customer) =>
    set((s) => (s.editor?.mode === 'edit' && s.editor.customer.id === customer.id ? { editor: { mode: 'edit', customer } } : {})),
  closeEditor: () => set({ editor: null }),
  goTo: (page) => set({ page }),
  setImportOpen: (importOpen) => set({ importOpen }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  showNotice: (key, params) => set({ notice: params ? { key, params, serial: ++serial } : { key, serial: ++serial } }),
  clearNotice: () => set({ notice: null }),
  resetUi: () => set({ editor: null, page: 'customers', importOpen: false, exportOpen: false, notice: null }),
});
