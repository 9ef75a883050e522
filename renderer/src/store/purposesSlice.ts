import { api } from '../api';
import type { ErrorCode, Purpose, Result, SavePurposeInput } from '../contract';
import type { SliceCreator } from './types';

/** The purposes (why data is processed, with basis and retention). Fields are prefixed: slices share one store. */
export interface PurposesSlice {
  /** null until `purposes.list` answers. */
  purposes: Purpose[] | null;
  purposesError: ErrorCode | null;
  loadPurposes(): Promise<void>;
  savePurpose(input: SavePurposeInput): Promise<Result<Purpose[]>>;
  retirePurpose(key: string): Promise<Result<Purpose[]>>;
  clearPurposes(): void;
}

export const createPurposesSlice: SliceCreator<PurposesSlice> = (set, get) => {
  /** A purpose change renames or drops it under the fields serving it: the catalogue re-fetches too. */
  const applied = (res: Result<Purpose[]>): Result<Purpose[]> => {
    if (res.ok) {
      set({ purposes: res.value, purposesError: null });
      void get().loadFields();
    } else get().noteError(res.error);
    return res;
  };
  return {
    purposes: null,
    purposesError: null,

    async loadPurposes() {
      const res = await api.purposes.list();
      if (res.ok) set({ purposes: res.value, purposesError: null });
      else {
        set({ purposesError: res.error.code });
        get().noteError(res.error);
      }
    },

    async savePurpose(input) {
      return applied(await api.purposes.save(input));
    },

    async retirePurpose(key) {
      return applied(await api.purposes.retire({ key }));
    },

    clearPurposes: () => set({ purposes: null, purposesError: null }),
  };
};

/** The active purposes, in the shop's order. */
export const activePurposes = (purposes: Purpose[] | null): Purpose[] => (purposes ?? []).filter((p) => p.status === 'active');
