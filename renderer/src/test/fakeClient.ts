import { vi } from 'vitest';
import type { AppError, BrankasClient, CustomerPage, EventName, Events, Result, VaultStatus } from '../contract';
import { defaultFields } from './fixtures';

/** Renderer unit tests only: a `window.brankas` stand-in typed as the real client. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], fields?: AppError['fields']): Result<never> =>
  ({ ok: false, error: fields ? { code, fields } : { code } }) as Result<never>;

export const unlocked = {
  state: 'unlocked',
  ownerName: 'Ibu Sari',
  recoveryConfirmed: true,
  settings: { idleLockMinutes: 5 },
} satisfies VaultStatus;
const emptyPage: CustomerPage = { items: [], total: 0, offset: 0 };

type Fn<D extends keyof BrankasClient, M extends keyof BrankasClient[D]> = BrankasClient[D][M] extends (...a: infer A) => infer R
  ? (...a: A) => R
  : never;
const fn = <D extends keyof BrankasClient, M extends keyof BrankasClient[D]>(impl: Fn<D, M>) => vi.fn<Fn<D, M>>(impl);

export function createFakeClient() {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const client = {
    vault: {
      status: fn<'vault', 'status'>(async () => ok<VaultStatus>({ state: 'no_vault' })),
      create: fn<'vault', 'create'>(async () => ok({ groups: ['AAAAA'], challenge: [0] })),
      recover: fn<'vault', 'recover'>(async () => ok<VaultStatus>({ state: 'locked', ownerName: 'Ibu Sari' })),
      signIn: fn<'vault', 'signIn'>(async () => ok<VaultStatus>(unlocked)),
      lock: fn<'vault', 'lock'>(async () => ok<VaultStatus>({ state: 'locked', ownerName: 'Ibu Sari' })),
      newRecoveryCode: fn<'vault', 'newRecoveryCode'>(async () => ok({ groups: ['AAAAA'], challenge: [0] })),
      confirmRecoveryCode: fn<'vault', 'confirmRecoveryCode'>(async () => ok<VaultStatus>(unlocked)),
    },
    settings: {
      save: fn<'settings', 'save'>(async (input) => ok(input)),
    },
    customers: {
      search: fn<'customers', 'search'>(async () => ok(emptyPage)),
      get: fn<'customers', 'get'>(async () => fail('not_found')),
      save: fn<'customers', 'save'>(async () => fail('internal')),
      remove: fn<'customers', 'remove'>(async ({ id }) => ok({ id })),
      tags: fn<'customers', 'tags'>(async () => ok([])),
      markVerified: fn<'customers', 'markVerified'>(async () => fail('not_found')),
    },
    fields: {
      list: fn<'fields', 'list'>(async () => ok(defaultFields())),
      update: fn<'fields', 'update'>(async () => ok(defaultFields())),
      usage: fn<'fields', 'usage'>(async ({ key }) => ok({ key, count: 0 })),
      createCustom: fn<'fields', 'createCustom'>(async () => ok(defaultFields())),
      deleteCustom: fn<'fields', 'deleteCustom'>(async () => ok(defaultFields())),
    },
    purchases: {
      list: fn<'purchases', 'list'>(async () => ok([])),
      save: fn<'purchases', 'save'>(async () => fail('internal')),
      remove: fn<'purchases', 'remove'>(async ({ id }) => ok({ id })),
    },
    import: {
      open: fn<'import', 'open'>(async () => ok(null)),
      inspect: fn<'import', 'inspect'>(async () => fail('file_expired')),
      preview: fn<'import', 'preview'>(async () => ok({ rows: [] })),
      dryRun: fn<'import', 'dryRun'>(async () => ok({ total: 0, new: 0, duplicates: 0, invalid: 0, problems: [] })),
      run: fn<'import', 'run'>(async () => ok({ imported: 0, updated: 0, skipped: 0, invalid: [] })),
      cancel: fn<'import', 'cancel'>(async () => ok({ cancelled: true })),
      saveReport: fn<'import', 'saveReport'>(async () => ok(null)),
    },
    export: {
      run: fn<'export', 'run'>(async () => ok(null)),
    },
    on: ((event: EventName, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    }) as BrankasClient['on'],
  } satisfies BrankasClient;
  /** Pushes an event as the main process would. */
  const emitEvent = <E extends EventName>(event: E, payload: Events[E]) =>
    listeners.get(event)?.forEach((l) => (l as (p: Events[E]) => void)(payload));
  /** Pushes a vault status as the main process would. */
  const emit = (status: VaultStatus) => emitEvent('vault.status', status);
  return { client, emit, emitEvent };
}

export type FakeClient = ReturnType<typeof createFakeClient>;

/** Call from `vi.hoisted` so `window.brankas` exists before `api.ts` is imported. */
export function installFakeClient(): FakeClient {
  const fake = createFakeClient();
  window.brankas = fake.client;
  return fake;
}
