import { api } from '../api';
import type {
  AccessOverview,
  AccessReviewInput,
  CreateStaffInput,
  ErrorCode,
  ResetStaffPasswordInput,
  Result,
  StaffMember,
  StrictModeInput,
  UpdateStaffInput,
  VaultStatus,
} from '../contract';
import type { SliceCreator } from './types';

/** The Settings page's tabs (features/settings/SettingsPage.tsx shows those the role allows). */
export type SettingsSection = 'general' | 'people' | 'review' | 'audit' | 'backup' | 'security';

/** People, the access review and strict mode. Everything here is dropped on lock (`clearStaff`). */
export interface StaffSlice {
  /** null until `staff.list` answers. */
  access: AccessOverview | null;
  staffError: ErrorCode | null;
  /** The tab Settings opens on next time (set by the main screen's access-review banner), then forgotten. */
  settingsStart: SettingsSection | null;
  loadStaff(): Promise<void>;
  createStaff(input: CreateStaffInput): Promise<Result<StaffMember>>;
  updateStaff(input: UpdateStaffInput): Promise<Result<StaffMember>>;
  resetStaffPassword(input: ResetStaffPasswordInput): Promise<Result<StaffMember>>;
  resetStaffTotp(id: number): Promise<Result<StaffMember>>;
  submitReview(input: AccessReviewInput): Promise<Result<AccessOverview>>;
  setStrictMode(input: StrictModeInput): Promise<Result<VaultStatus>>;
  /** Shows the Settings page on the given tab (e.g. 'review' from the "access review due" banner). */
  openSettingsAt(section: SettingsSection): void;
  /** Called once Settings has opened on `settingsStart`. */
  clearSettingsStart(): void;
  clearStaff(): void;
}

export const createStaffSlice: SliceCreator<StaffSlice> = (set, get) => {
  /** A write answers with one account; the overview (flags, review dates) is re-fetched rather than patched. */
  const written = async <T>(res: Result<T>): Promise<Result<T>> => {
    if (res.ok) await get().loadStaff();
    else get().noteError(res.error);
    return res;
  };

  return {
    access: null,
    staffError: null,
    settingsStart: null,

    async loadStaff() {
      const res = await api.staff.list();
      if (res.ok) set({ access: res.value, staffError: null });
      else {
        set({ staffError: res.error.code });
        get().noteError(res.error);
      }
    },

    createStaff: async (input) => written(await api.staff.create(input)),
    updateStaff: async (input) => written(await api.staff.update(input)),
    resetStaffPassword: async (input) => written(await api.staff.resetPassword(input)),
    resetStaffTotp: async (id) => written(await api.staff.resetTotp({ id })),

    async submitReview(input) {
      const res = await api.staff.review(input);
      if (res.ok) {
        set({ access: res.value, staffError: null });
        // accessReviewDue lives in the vault status.
        await get().loadStatus();
      } else get().noteError(res.error);
      return res;
    },

    async setStrictMode(input) {
      const res = await api.security.setStrictMode(input);
      if (res.ok) {
        get().applyStatus(res.value);
        if (get().access) await get().loadStaff();
      } else get().noteError(res.error);
      return res;
    },

    openSettingsAt(section) {
      set({ settingsStart: section });
      get().goTo('settings');
    },

    clearSettingsStart: () => set({ settingsStart: null }),

    clearStaff: () => set({ access: null, staffError: null, settingsStart: null }),
  };
};
