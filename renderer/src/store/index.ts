import { create } from 'zustand';
import { createCustomersSlice } from './customersSlice';
import { createLocaleSlice } from './localeSlice';
import { createSessionSlice } from './sessionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

/** The one store. Components select single fields: `useStore((s) => s.total)`. */
export const useStore = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createCustomersSlice(...a),
  ...createLocaleSlice(...a),
  ...createUiSlice(...a),
}));

export type { AppState } from './types';
export { customerAt, PAGE_SIZE } from './customersSlice';
