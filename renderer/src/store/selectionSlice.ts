import type { SliceCreator } from './types';

/** Picking customers in the list (for "export the selection"). Survives searching and filtering. */
export interface SelectionSlice {
  /** The list shows a checkbox per row instead of opening customers. */
  selecting: boolean;
  selected: ReadonlySet<number>;
  setSelecting(on: boolean): void;
  toggleSelected(id: number): void;
  clearSelection(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selecting: false,
  selected: new Set<number>(),
  setSelecting: (selecting) => set({ selecting }),
  toggleSelected: (id) =>
    set((s) => {
      const next = new Set(s.selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selected: next };
    }),
  clearSelection: () => set({ selecting: false, selected: new Set<number>() }),
});
