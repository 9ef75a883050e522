import { api } from '../api';
import type {
  ErrorCode,
  NoticeFileKind,
  NoticeStatus,
  NoticeVersionInfo,
  NoticeWhich,
  Recipient,
  Result,
  SaveRecipientInput,
  ShopProfile,
  ShopProfileInput,
} from '../contract';
import type { Lang } from '../contract';
import type { SliceCreator } from './types';

/** The privacy notice: its status, the shop profile and the recipients. Re-fetched after every write. */
export interface NoticeSlice {
  /** null until loaded. */
  noticeStatus: NoticeStatus | null;
  shopProfile: ShopProfile | null;
  recipients: Recipient[] | null;
  noticeError: ErrorCode | null;
  loadNotice(): Promise<void>;
  saveShopProfile(input: ShopProfileInput): Promise<Result<ShopProfile>>;
  saveRecipient(input: SaveRecipientInput): Promise<Result<Recipient[]>>;
  removeRecipient(id: number): Promise<Result<Recipient[]>>;
  publishNotice(): Promise<Result<NoticeVersionInfo>>;
  /** Writes the notice to a file the main process asks for; null value when the dialog is cancelled. */
  saveNoticeFile(kind: NoticeFileKind, lang: Lang, which?: NoticeWhich): Promise<Result<{ fileName: string } | null>>;
  noticeWhatsapp(lang: Lang): Promise<Result<string>>;
  clearNotice(): void;
}

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set, get) => {
  const refreshStatus = async () => {
    const res = await api.notice.status();
    if (res.ok) set({ noticeStatus: res.value });
  };
  const noted = <T>(res: Result<T>): Result<T> => {
    if (!res.ok) get().noteError(res.error);
    return res;
  };
  return {
    noticeStatus: null,
    shopProfile: null,
    recipients: null,
    noticeError: null,

    async loadNotice() {
      const [status, profile, recipients] = await Promise.all([api.notice.status(), api.notice.profile(), api.notice.recipients()]);
      const failed = [status, profile, recipients].find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ noticeError: failed.error.code });
        get().noteError(failed.error);
        return;
      }
      set({
        noticeStatus: status.ok ? status.value : null,
        shopProfile: profile.ok ? profile.value : null,
        recipients: recipients.ok ? recipients.value : null,
        noticeError: null,
      });
    },

    async saveShopProfile(input) {
      const res = noted(await api.notice.saveProfile(input));
      if (res.ok) {
        set({ shopProfile: res.value });
        await refreshStatus();
      }
      return res;
    },

    async saveRecipient(input) {
      const res = noted(await api.notice.saveRecipient(input));
      if (res.ok) {
        set({ recipients: res.value });
        await refreshStatus();
      }
      return res;
    },

    async removeRecipient(id) {
      const res = noted(await api.notice.removeRecipient({ id }));
      if (res.ok) {
        set({ recipients: res.value });
        await refreshStatus();
      }
      return res;
    },

    async publishNotice() {
      const res = noted(await api.notice.publish());
      if (res.ok) await refreshStatus();
      return res;
    },

    async saveNoticeFile(kind, lang, which = 'current') {
      return noted(await api.notice.save({ kind, lang, which }));
    },

    async noticeWhatsapp(lang) {
      return noted(await api.notice.whatsapp({ lang, which: 'current' }));
    },

    clearNotice: () => set({ noticeStatus: null, shopProfile: null, recipients: null, noticeError: null }),
  };
};
