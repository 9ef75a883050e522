import { vi } from 'vitest';
import {
  EMPTY_PROFILE,
  rolePermissions,
  type AccessOverview,
  type AppError,
  type BackupInfo,
  type BackupResult,
  type BackupStatus,
  type BrankasClient,
  type CustomerPage,
  type EventName,
  type Events,
  type Person,
  type RestoreOutcome,
  type Result,
  type Role,
  type SessionUser,
  type StaffMember,
  type VaultStatus,
} from '../contract';
import { defaultFields, defaultPurposes } from './fixtures';

/** Renderer unit tests only: a `window.brankas` stand-in typed as the real client. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: AppError['code'], fields?: AppError['fields'], retryAfterSeconds?: number): Result<never> =>
  ({
    ok: false,
    error: { code, ...(fields ? { fields } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
  }) as Result<never>;

/** A signed-in person with exactly their role's permissions. */
export const sessionUser = (role: Role = 'owner', over: Partial<SessionUser> = {}): SessionUser => ({
  id: role === 'owner' ? 1 : role === 'manager' ? 2 : role === 'staff' ? 3 : 4,
  name: role === 'owner' ? 'Ibu Sari' : role === 'manager' ? 'Pak Dodi' : role === 'staff' ? 'Rina' : 'Agus',
  role,
  permissions: [...rolePermissions[role]],
  totpEnabled: false,
  mustEnrollTotp: false,
  ...over,
});

/** The people the sign-in screen lists. */
export const people: Person[] = [
  { id: 1, name: 'Ibu Sari', role: 'owner' },
  { id: 3, name: 'Rina', role: 'staff' },
  { id: 4, name: 'Agus', role: 'viewer' },
];

export const locked: Extract<VaultStatus, { state: 'locked' }> = { state: 'locked', ownerName: 'Ibu Sari', people, strict: false };

export const unlocked = {
  state: 'unlocked',
  ownerName: 'Ibu Sari',
  user: sessionUser('owner'),
  recoveryConfirmed: true,
  settings: { idleLockMinutes: 5, require2faRoles: [] },
  strictMode: false,
  accessReviewDue: false,
} satisfies VaultStatus;

/** Signed in as someone with `role` (and optional changes to the person). */
export const unlockedAs = (role: Role, over: Partial<SessionUser> = {}): VaultStatus => ({ ...unlocked, user: sessionUser(role, over) });

export const staffMember = (over: Partial<StaffMember> & { id: number }): StaffMember => ({
  name: `Orang ${over.id}`,
  role: 'staff',
  status: 'active',
  totpEnabled: false,
  totpRequired: false,
  reason: 'Kasir toko',
  createdAt: 0,
  lastSignInAt: null,
  lastReviewedAt: null,
  unused: false,
  hasKeySlot: false,
  ...over,
});
/** Backups: set up, daily to a USB folder, last one yesterday; override what a test cares about. */
export const BACKUP_NOW = Date.UTC(2026, 10, 29, 7, 30);
export const backupStatus = (over: Partial<BackupStatus> = {}): BackupStatus => ({
  configured: true,
  schedule: { daily: true, onClose: false, keepDaily: 7, keepWeekly: 4, warnAfterDays: 3, folder: 'E:\\Cadangan Brankas' },
  lastSuccessAt: BACKUP_NOW - 86_400_000,
  lastFileName: 'Brankas-Toko-Sari-2026-11-28-1430.brankas',
  lastFailure: null,
  overdue: false,
  previousVault: null,
  ...over,
});
export const backupResult = (over: Partial<BackupResult> = {}): BackupResult => ({
  fileName: 'Brankas-Toko-Sari-2026-11-29-1430.brankas',
  folder: 'E:\\',
  bytes: 12_845_056,
  durationMs: 4_200,
  counts: { customers: 1250, purchases: 3400, staff: 3, auditEntries: 980 },
  ...over,
});
export const backupInfo = (over: Partial<BackupInfo> = {}): BackupInfo => ({
  fileId: '0b6f3c55-9a7e-4a53-8a58-3f4e0d2c1a11',
  fileName: 'Brankas-Toko-Sari-2026-11-28-1430.brankas',
  createdAt: Date.UTC(2026, 10, 28, 7, 30),
  appVersion: '0.1.0',
  schemaVersion: 5,
  vaultId: 'vault-1',
  shopName: 'Toko Sari',
  counts: { customers: 1250, purchases: 3400, staff: 3, auditEntries: 980 },
  bytes: 12_845_056,
  erasedAgain: 0,
  ...over,
});
export const restoreOutcome = (over: Partial<RestoreOutcome> = {}): RestoreOutcome => ({
  recoveryGroups: ['7KQ2M', 'XW93A', 'P4HT8', 'ZC2QN', 'M8RKD', 'B6FJW', 'T3VLE', 'Q9GHY'],
  challenge: [1, 6],
  previousKept: true,
  ...over,
});
export const pickedBackup = { fileId: '0b6f3c55-9a7e-4a53-8a58-3f4e0d2c1a11', fileName: 'Brankas-Toko-Sari-2026-11-28-1430.brankas' };

const emptyAccess: AccessOverview = { people: [], lastReviewAt: null, reviewDue: false, nextReviewAt: 0 };
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
      recover: fn<'vault', 'recover'>(async () => ok<VaultStatus>(locked)),
      signIn: fn<'vault', 'signIn'>(async () => ok<VaultStatus>(unlocked)),
      lock: fn<'vault', 'lock'>(async () => ok<VaultStatus>(locked)),
      newRecoveryCode: fn<'vault', 'newRecoveryCode'>(async () => ok({ groups: ['AAAAA'], challenge: [0] })),
      confirmRecoveryCode: fn<'vault', 'confirmRecoveryCode'>(async () => ok<VaultStatus>(unlocked)),
    },
    settings: {
      save: fn<'settings', 'save'>(async (input) => ok({ ...input, require2faRoles: input.require2faRoles ?? [] })),
    },
    customers: {
      search: fn<'customers', 'search'>(async () => ok(emptyPage)),
      get: fn<'customers', 'get'>(async () => fail('not_found')),
      save: fn<'customers', 'save'>(async () => fail('internal')),
      remove: fn<'customers', 'remove'>(async ({ id }) => ok({ id })),
      tags: fn<'customers', 'tags'>(async () => ok([])),
      markVerified: fn<'customers', 'markVerified'>(async () => fail('not_found')),
      reveal: fn<'customers', 'reveal'>(async () => fail('not_found')),
      erase: fn<'customers', 'erase'>(async ({ customerId, requestNumber }) =>
        ok({ customerId, erasedAt: Date.UTC(2026, 11, 4, 3, 0), keptPurchases: 0, backupsRotateAfterDays: 35, requestNumber: requestNumber ?? null }),
      ),
    },
    fields: {
      list: fn<'fields', 'list'>(async () => ok(defaultFields())),
      update: fn<'fields', 'update'>(async () => ok(defaultFields())),
      usage: fn<'fields', 'usage'>(async ({ key }) => ok({ key, count: 0 })),
      createCustom: fn<'fields', 'createCustom'>(async () => ok(defaultFields())),
      deleteCustom: fn<'fields', 'deleteCustom'>(async () => ok(defaultFields())),
    },
    purposes: {
      list: fn<'purposes', 'list'>(async () => ok(defaultPurposes())),
      save: fn<'purposes', 'save'>(async () => ok(defaultPurposes())),
      retire: fn<'purposes', 'retire'>(async () => ok(defaultPurposes())),
    },
    requests: {
      create: fn<'requests', 'create'>(async () => fail('internal')),
      overview: fn<'requests', 'overview'>(async () => ok({ open: 0, overdue: 0, dueSoon: 0, next: null })),
      list: fn<'requests', 'list'>(async () => ok([])),
      get: fn<'requests', 'get'>(async () => fail('not_found')),
      move: fn<'requests', 'move'>(async () => fail('internal')),
      identity: fn<'requests', 'identity'>(async () => fail('internal')),
      note: fn<'requests', 'note'>(async () => fail('internal')),
      link: fn<'requests', 'link'>(async () => fail('internal')),
      close: fn<'requests', 'close'>(async () => fail('internal')),
      settings: fn<'requests', 'settings'>(async () => ok({ targetDays: 7 })),
      saveSettings: fn<'requests', 'saveSettings'>(async (s) => ok(s)),
      saveReceipt: fn<'requests', 'saveReceipt'>(async () => ok(null)),
      receiptText: fn<'requests', 'receiptText'>(async () => ok('*Tanda terima permintaan*')),
      saveReply: fn<'requests', 'saveReply'>(async () => ok(null)),
      replyText: fn<'requests', 'replyText'>(async () => ok('*Surat balasan*')),
      exportRegister: fn<'requests', 'exportRegister'>(async () => ok(null)),
      correct: fn<'requests', 'correct'>(async () => fail('internal')),
      restrict: fn<'requests', 'restrict'>(async () => fail('internal')),
      unrestrict: fn<'requests', 'unrestrict'>(async () => fail('internal')),
      restrictions: fn<'requests', 'restrictions'>(async () => ok([])),
      savePack: fn<'requests', 'savePack'>(async () => ok(null)),
    },
    consent: {
      get: fn<'consent', 'get'>(async ({ customerId }) => ok({ customerId, minorByBirthday: null, rows: [], history: [], noticeVersion: null })),
      pickEvidence: fn<'consent', 'pickEvidence'>(async () => ok(null)),
      record: fn<'consent', 'record'>(async () => fail('internal')),
      saveEvidence: fn<'consent', 'saveEvidence'>(async () => ok({ saved: false })),
      saveForm: fn<'consent', 'saveForm'>(async () => ok(null)),
      saveReceipt: fn<'consent', 'saveReceipt'>(async () => ok(null)),
      receiptText: fn<'consent', 'receiptText'>(async () => ok('*Tanda terima persetujuan*')),
    },
    notice: {
      status: fn<'notice', 'status'>(async () => ok({ current: null, outOfDate: false, changed: [], profileReady: false })),
      profile: fn<'notice', 'profile'>(async () => ok(EMPTY_PROFILE)),
      saveProfile: fn<'notice', 'saveProfile'>(async (input) => ok(input)),
      recipients: fn<'notice', 'recipients'>(async () => ok([])),
      saveRecipient: fn<'notice', 'saveRecipient'>(async () => ok([])),
      removeRecipient: fn<'notice', 'removeRecipient'>(async () => ok([])),
      publish: fn<'notice', 'publish'>(async () => ok({ number: 1, date: '2026-12-04', sha256: '0'.repeat(64) })),
      save: fn<'notice', 'save'>(async () => ok(null)),
      whatsapp: fn<'notice', 'whatsapp'>(async () => ok('*Pemberitahuan Privasi*')),
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
      dryRun: fn<'import', 'dryRun'>(async () => ok({ total: 0, new: 0, duplicates: 0, conflicts: 0, invalid: 0, problems: [], partial: 0, dropped: [], consent: { given: 0, refused: 0 } })),
      run: fn<'import', 'run'>(async () => ok({ imported: 0, updated: 0, skipped: 0, invalid: [], conflicts: [], skippedRows: [], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] })),
      cancel: fn<'import', 'cancel'>(async () => ok({ cancelled: true })),
      saveReport: fn<'import', 'saveReport'>(async () => ok(null)),
    },
    export: {
      run: fn<'export', 'run'>(async () => ok(null)),
      cancel: fn<'export', 'cancel'>(async () => ok({ cancelled: true })),
    },
    account: {
      changePassword: fn<'account', 'changePassword'>(async () => ok({ changed: true as const })),
      beginTotp: fn<'account', 'beginTotp'>(async () =>
        ok({ qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=', manualKey: 'JBSW Y3DP EHPK 3PXP', uri: 'otpauth://totp/Brankas:Rina?secret=JBSWY3DPEHPK3PXP' }),
      ),
      confirmTotp: fn<'account', 'confirmTotp'>(async () => ok({ codes: ['1111-2222', '3333-4444'] })),
      disableTotp: fn<'account', 'disableTotp'>(async () => ok<VaultStatus>(unlocked)),
      newBackupCodes: fn<'account', 'newBackupCodes'>(async () => ok({ codes: ['5555-6666', '7777-8888'] })),
    },
    staff: {
      list: fn<'staff', 'list'>(async () => ok(emptyAccess)),
      create: fn<'staff', 'create'>(async (input) => ok(staffMember({ id: 10, name: input.name, role: input.role }))),
      update: fn<'staff', 'update'>(async ({ id }) => ok(staffMember({ id }))),
      resetPassword: fn<'staff', 'resetPassword'>(async ({ id }) => ok(staffMember({ id }))),
      resetTotp: fn<'staff', 'resetTotp'>(async ({ id }) => ok(staffMember({ id }))),
      review: fn<'staff', 'review'>(async () => ok(emptyAccess)),
    },
    security: {
      setStrictMode: fn<'security', 'setStrictMode'>(async ({ enabled }) => ok<VaultStatus>({ ...unlocked, strictMode: enabled })),
    },
    audit: {
      list: fn<'audit', 'list'>(async () => ok({ entries: [], more: false })),
      verify: fn<'audit', 'verify'>(async () => ok({ ok: true as const, entries: 0 })),
      export: fn<'audit', 'export'>(async () => ok(null)),
    },
    backup: {
      status: fn<'backup', 'status'>(async () => ok(backupStatus())),
      setup: fn<'backup', 'setup'>(async () => ok(backupStatus({ configured: true }))),
      saveSchedule: fn<'backup', 'saveSchedule'>(async (input) => ok(backupStatus({ schedule: { ...input, folder: backupStatus().schedule.folder } }))),
      pickFolder: fn<'backup', 'pickFolder'>(async () => ok(null)),
      run: fn<'backup', 'run'>(async () => ok(backupResult())),
      cancel: fn<'backup', 'cancel'>(async () => ok({ cancelled: true })),
    },
    restore: {
      open: fn<'restore', 'open'>(async () => ok(pickedBackup)),
      inspect: fn<'restore', 'inspect'>(async () => ok(backupInfo())),
      run: fn<'restore', 'run'>(async () => ok(restoreOutcome())),
      confirm: fn<'restore', 'confirm'>(async () => ok<VaultStatus>(unlocked)),
      undo: fn<'restore', 'undo'>(async () => ok<VaultStatus>(locked)),
      confirmCode: fn<'restore', 'confirmCode'>(async () => ok<VaultStatus>(locked)),
      cancel: fn<'restore', 'cancel'>(async () => ok({ cancelled: true })),
      openFirstRun: fn<'restore', 'openFirstRun'>(async () => ok(pickedBackup)),
      inspectFirstRun: fn<'restore', 'inspectFirstRun'>(async () => ok(backupInfo())),
      runFirstRun: fn<'restore', 'runFirstRun'>(async () => ok(restoreOutcome({ previousKept: false }))),
    },
    demo: {
      status: fn<'demo', 'status'>(async () => ok({ active: false, leftover: false })),
      start: fn<'demo', 'start'>(async () => ok<VaultStatus>(unlocked)),
      discard: fn<'demo', 'discard'>(async () => ok<VaultStatus>({ state: 'no_vault' })),
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
