import { api } from '../api';
import type {
  AccessPackInput,
  CorrectInput,
  CustomerConsent,
  EraseResult,
  ErrorCode,
  Lang,
  MoveRequestInput,
  NewRequestInput,
  RequestDetail,
  RequestsOverview,
  RequestSummary,
  RequestState,
  RequestType,
  Restriction,
  Result,
  SavedPack,
} from '../contract';
import type { SliceCreator } from './types';

export interface RequestsFilter {
  open: boolean;
  /** Only those due within 24 hours (overdue included). */
  dueSoon: boolean;
  type: RequestType | null;
  state: RequestState | null;
}

/**
 * The rights desk: the register (filtered), the open request and the counts for the badge and the
 * banner. Every step is the vault's answer (re-read, never patched); after one, the list and the
 * counts are fetched again.
 */
export interface RequestsSlice {
  requestsOverview: RequestsOverview | null;
  requestsList: RequestSummary[] | null;
  requestsFilter: RequestsFilter;
  requestsError: ErrorCode | null;
  /** The request open in its dialog. */
  requestDetail: RequestDetail | null;
  restrictions: Restriction[] | null;
  loadRequestsOverview(): Promise<void>;
  loadRequests(): Promise<void>;
  setRequestsFilter(filter: Partial<RequestsFilter>): void;
  openRequest(number: number): Promise<void>;
  closeRequest(): void;
  createRequest(input: NewRequestInput): Promise<Result<RequestDetail>>;
  moveRequest(input: MoveRequestInput): Promise<Result<RequestDetail>>;
  recordIdentity(number: number, checks: NonNullable<Parameters<typeof api.requests.identity>[0]>['checks'], note?: string): Promise<Result<RequestDetail>>;
  linkRequestCustomer(number: number, customerId: number): Promise<Result<RequestDetail>>;
  correctFromRequest(input: CorrectInput): Promise<Result<RequestDetail>>;
  loadRestrictions(): Promise<void>;
  restrictFromRequest(number: number, customerId: number, reason: string): Promise<Result<Restriction[]>>;
  liftFromRequest(number: number, customerId: number): Promise<Result<Restriction[]>>;
  /** A withdrawal through the consent ledger, linked to the request. */
  withdrawFromRequest(number: number, customerId: number, purposeKey: string, method: 'verbal' | 'whatsapp' | 'paper' | 'form'): Promise<Result<CustomerConsent>>;
  saveRequestDoc(kind: 'receipt' | 'reply', number: number, lang: Lang): Promise<Result<{ fileName: string } | null>>;
  requestDocText(kind: 'receipt' | 'reply', number: number, lang: Lang): Promise<Result<string>>;
  exportRequestRegister(): Promise<Result<{ fileName: string; rows: number } | null>>;
  /** The access pack (or the portable copy) into a folder the person picks; recorded on the request. */
  saveAccessPack(input: AccessPackInput): Promise<Result<SavedPack | null>>;
  /** Erases the customer for good, from the request (customers.erase). */
  eraseFromRequest(number: number, customerId: number): Promise<Result<EraseResult>>;
  clearRequests(): void;
}

const NO_FILTER: RequestsFilter = { open: true, dueSoon: false, type: null, state: null };

/** The register's filter as the channel takes it. */
const listInput = (f: RequestsFilter) => ({
  open: f.open,
  ...(f.dueSoon ? { dueWithinHours: 24 } : {}),
  ...(f.type ? { type: f.type } : {}),
  ...(f.state ? { state: f.state } : {}),
});

export const createRequestsSlice: SliceCreator<RequestsSlice> = (set, get) => {
  const noted = <T>(res: Result<T>): Result<T> => {
    if (!res.ok) get().noteError(res.error);
    return res;
  };
  /** After a step: the open request is the vault's answer; the list and the counts follow. */
  const stepped = async (res: Result<RequestDetail>): Promise<Result<RequestDetail>> => {
    if (res.ok) {
      set({ requestDetail: res.value });
      await Promise.all([get().loadRequests(), get().loadRequestsOverview()]);
    } else get().noteError(res.error);
    return res;
  };
  const reopen = async () => {
    const open = get().requestDetail;
    if (open) await get().openRequest(open.number);
  };
  return {
    requestsOverview: null,
    requestsList: null,
    requestsFilter: NO_FILTER,
    requestsError: null,
    requestDetail: null,
    restrictions: null,

    async loadRequestsOverview() {
      const res = await api.requests.overview();
      if (res.ok) set({ requestsOverview: res.value });
    },

    async loadRequests() {
      const f = get().requestsFilter;
      const res = await api.requests.list(listInput(f));
      if (res.ok) set({ requestsList: res.value, requestsError: null });
      else {
        set({ requestsError: res.error.code });
        get().noteError(res.error);
      }
    },

    setRequestsFilter(filter) {
      set({ requestsFilter: { ...get().requestsFilter, ...filter } });
      void get().loadRequests();
    },

    async openRequest(number) {
      const res = noted(await api.requests.get({ number }));
      if (res.ok) set({ requestDetail: res.value });
    },
    closeRequest: () => set({ requestDetail: null }),

    async createRequest(input) {
      const res = noted(await api.requests.create(input));
      if (res.ok && get().requestsList !== null) await Promise.all([get().loadRequests(), get().loadRequestsOverview()]);
      return res;
    },
    moveRequest: async (input) => stepped(await api.requests.move(input)),
    recordIdentity: async (number, checks, note) => stepped(await api.requests.identity({ number, checks, ...(note ? { note } : {}) })),
    linkRequestCustomer: async (number, customerId) => stepped(await api.requests.link({ number, customerId })),
    correctFromRequest: async (input) => {
      const res = await stepped(await api.requests.correct(input));
      if (res.ok) get().reloadCustomers();
      return res;
    },

    async loadRestrictions() {
      const res = await api.requests.restrictions();
      if (res.ok) set({ restrictions: res.value });
    },
    async restrictFromRequest(number, customerId, reason) {
      const res = noted(await api.requests.restrict({ customerId, reason, requestNumber: number }));
      if (res.ok) {
        set({ restrictions: res.value });
        await reopen();
      }
      return res;
    },
    async liftFromRequest(number, customerId) {
      const res = noted(await api.requests.unrestrict({ customerId, requestNumber: number }));
      if (res.ok) {
        set({ restrictions: res.value });
        await reopen();
      }
      return res;
    },
    async withdrawFromRequest(number, customerId, purposeKey, method) {
      const res = noted(await api.consent.record({ customerId, purposeKey, state: 'withdrawn', method, requestNumber: number }));
      if (res.ok) {
        await reopen();
        get().reloadCustomers();
      }
      return res;
    },

    async saveRequestDoc(kind, number, lang) {
      const res = noted(kind === 'receipt' ? await api.requests.saveReceipt({ number, lang }) : await api.requests.saveReply({ number, lang }));
      if (res.ok && res.value) await reopen();
      return res;
    },
    async requestDocText(kind, number, lang) {
      const res = noted(kind === 'receipt' ? await api.requests.receiptText({ number, lang }) : await api.requests.replyText({ number, lang }));
      if (res.ok) await reopen();
      return res;
    },
    async exportRequestRegister() {
      const f = get().requestsFilter;
      return noted(await api.requests.exportRegister(listInput(f)));
    },

    async saveAccessPack(input) {
      const res = noted(await api.requests.savePack(input));
      if (res.ok && res.value) await reopen();
      return res;
    },

    async eraseFromRequest(number, customerId) {
      const res = noted(await api.customers.erase({ customerId, requestNumber: number }));
      if (res.ok) {
        await reopen();
        get().reloadCustomers();
      }
      return res;
    },

    clearRequests: () => set({ requestsOverview: null, requestsList: null, requestDetail: null, restrictions: null, requestsError: null, requestsFilter: NO_FILTER }),
  };
};
