import { vi } from 'vitest';
import type { AppError, BrankasClient, CustomerPage, Result, VaultStatus } from '../contract';

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

export function createFakeClient() {
  const listeners = new Set<(status: VaultStatus) => void>();
  const client = {
    vault: {
      status: vi.fn<BrankasClient['vault']['status']>(async () => ok<VaultStatus>({ state: 'no_vault' })),
      create: vi.fn<BrankasClient['vault']['create']>(async () => ok({ groups: ['AAAAA'], challenge: [0] })),
      recover: vi.fn<BrankasClient['vault']['recover']>(async () => ok<VaultStatus>({ state: 'locked', ownerName: 'Ibu Sari' })),
      signIn: vi.fn<BrankasClient['vault']['signIn']>(async () => ok<VaultStatus>(unlocked)),
      lock: vi.fn<BrankasClient['vault']['lock']>(async () => ok<VaultStatus>({ state: 'locked', ownerName: 'Ibu Sari' })),
      newRecoveryCode: vi.fn<BrankasClient['vault']['newRecoveryCode']>(async () => ok({ groups: ['AAAAA'], challenge: [0] })),
      confirmRecoveryCode: vi.fn<BrankasClient['vault']['confirmRecoveryCode']>(async () => ok<VaultStatus>(unlocked)),
    },
    settings: {
      save: vi.fn<BrankasClient['settings']['save']>(async (input) => ok(input)),
    },
    customers: {
      search: vi.fn<BrankasClient['customers']['search']>(async () => ok(emptyPage)),
      get: vi.fn<BrankasClient['customers']['get']>(async () => fail('not_found')),
      save: vi.fn<BrankasClient['customers']['save']>(async () => fail('internal')),
      remove: vi.fn<BrankasClient['customers']['remove']>(async ({ id }) => ok({ id })),
    },
    on: ((_event: 'vault.status', listener: (status: VaultStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }) as BrankasClient['on'],
  } satisfies BrankasClient;
  /** Pushes a status as the main process would. */
  const emit = (status: VaultStatus) => listeners.forEach((l) => l(status));
  return { client, emit };
}

export type FakeClient = ReturnType<typeof createFakeClient>;

/** Call from `vi.hoisted` so `window.brankas` exists before `api.ts` is imported. */
export function installFakeClient(): FakeClient {
  const fake = createFakeClient();
  window.brankas = fake.client;
  return fake;
}
