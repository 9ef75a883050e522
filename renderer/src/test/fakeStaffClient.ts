import { vi } from 'vitest';
import {
  rolePermissions,
  type AccessOverview,
  type AuditEntry,
  type BrankasClient,
  type Role,
  type StaffMember,
  type VaultStatus,
} from '../contract';
import { createFakeClient, ok } from './fakeClient';

/** Renderer unit tests for people, review, audit and security: the base fake plus those domains. */
type Fn<D extends keyof BrankasClient, M extends keyof BrankasClient[D]> = BrankasClient[D][M] extends (...a: infer A) => infer R
  ? (...a: A) => R
  : never;
const fn = <D extends keyof BrankasClient, M extends keyof BrankasClient[D]>(impl: Fn<D, M>) => vi.fn<Fn<D, M>>(impl);

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 4, 12, 9, 0);

export const person = (over: Partial<StaffMember> & { id: number; name: string }): StaffMember => ({
  role: 'staff',
  status: 'active',
  totpEnabled: false,
  totpRequired: false,
  reason: 'Kasir shift pagi',
  createdAt: NOW - 100 * DAY,
  lastSignInAt: NOW - DAY,
  lastReviewedAt: null,
  unused: false,
  hasKeySlot: true,
  ...over,
});

export const overview = (over: Partial<AccessOverview> = {}): AccessOverview => ({
  people: [
    person({ id: 1, name: 'Ibu Sari', role: 'owner', reason: 'Pemilik toko', totpEnabled: true }),
    person({ id: 2, name: 'Budi', role: 'manager', reason: 'Kepala toko' }),
    person({ id: 3, name: 'Rina', role: 'staff', unused: true, lastSignInAt: NOW - 70 * DAY }),
  ],
  lastReviewAt: NOW - 95 * DAY,
  reviewDue: true,
  nextReviewAt: NOW - 5 * DAY,
  ...over,
});

export const auditEntry = (over: Partial<AuditEntry> & { id: number }): AuditEntry => ({
  at: NOW - over.id * 60_000,
  actorId: 2,
  actorName: 'Budi',
  action: 'customer.update',
  targetType: 'customer',
  targetId: '12',
  outcome: 'ok',
  details: {},
  ...over,
});

/** An unlocked status for someone with the given role (permissions straight from the matrix). */
export const unlockedAs = (role: Role, over: Partial<Extract<VaultStatus, { state: 'unlocked' }>> = {}): VaultStatus => ({
  state: 'unlocked',
  ownerName: 'Ibu Sari',
  user: { id: role === 'owner' ? 1 : 2, name: role === 'owner' ? 'Ibu Sari' : 'Budi', role, permissions: [...rolePermissions[role]], totpEnabled: false, mustEnrollTotp: false },
  recoveryConfirmed: true,
  settings: { idleLockMinutes: 5, require2faRoles: [] },
  strictMode: false,
  accessReviewDue: false,
  ...over,
});

export function createFakeStaffClient() {
  const base = createFakeClient();
  const client = {
    ...base.client,
    staff: {
      list: fn<'staff', 'list'>(async () => ok(overview())),
      create: fn<'staff', 'create'>(async (input) => ok(person({ id: 9, name: input.name, role: input.role, reason: input.reason }))),
      update: fn<'staff', 'update'>(async ({ id }) => ok(person({ id, name: 'Rina' }))),
      resetPassword: fn<'staff', 'resetPassword'>(async ({ id }) => ok(person({ id, name: 'Rina' }))),
      resetTotp: fn<'staff', 'resetTotp'>(async ({ id }) => ok(person({ id, name: 'Rina' }))),
      review: fn<'staff', 'review'>(async () => ok(overview({ reviewDue: false, lastReviewAt: NOW }))),
    },
    security: {
      setStrictMode: fn<'security', 'setStrictMode'>(async ({ enabled }) => ok(unlockedAs('owner', { strictMode: enabled }))),
    },
    audit: {
      list: fn<'audit', 'list'>(async () => ok({ entries: [], more: false })),
      verify: fn<'audit', 'verify'>(async () => ok({ ok: true as const, entries: 0 })),
      export: fn<'audit', 'export'>(async () => ok(null)),
    },
  };
  return { ...base, client };
}

export type FakeStaffClient = ReturnType<typeof createFakeStaffClient>;

/** Call from `vi.hoisted` so `window.brankas` exists before `api.ts` is imported. */
export function installFakeStaffClient(): FakeStaffClient {
  const fake = createFakeStaffClient();
  window.brankas = fake.client as unknown as BrankasClient;
  return fake;
}
