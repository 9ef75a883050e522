/**
 * The one way into the main process. For every call:
 *   sender check → channel known → input parsed (strict) → vault state allows it → handler → Result.
 * Nothing thrown crosses the bridge: errors become `{ ok: false, error: { code } }`.
 */
import { can, channelRecords, channels, enrolmentChannels, fail, ok, type Access, type ChannelName, type Permission, type Result, type VaultStatus } from '../contract';
import { audited } from '../vault/audit/audited';
import { DriverError } from '../vault/db/driver';
import { VaultError } from '../vault/errors';
import { fsError } from '../vault/files';
import { describe } from './audit';
import type { AppContext, Handler } from './context';
import { accessHandlers } from './handlers/access';
import { auditHandlers } from './handlers/audit';
import { backupHandlers } from './handlers/backup';
import { customerHandlers } from './handlers/customers';
import { demoHandlers } from './handlers/demo';
import { fieldHandlers } from './handlers/fields';
import { purposeHandlers } from './handlers/purposes';
import { consentHandlers } from './handlers/consent';
import { noticeHandlers } from './handlers/notice';
import { requestHandlers } from './handlers/requests';
import { purchaseHandlers } from './handlers/purchases';
import { restoreHandlers } from './handlers/restore';
import { exportHandlers, importHandlers } from './handlers/transfer';
import { accountHandlers, securityHandlers, staffHandlers } from './handlers/staff';
import { settingsHandlers, vaultHandlers } from './handlers/vault';
import { fieldErrors } from './input-errors';

/** Who is calling: filled in by the transport (Electron IPC event, or the e2e binding's frame). */
export interface Sender {
  url: string;
  isMainFrame: boolean;
}

export interface RouterOptions {
  context: AppContext;
  /** Origins the app's own page is served from, e.g. `app://brankas`. */
  trustedOrigins: readonly string[];
  /** Told about unexpected errors (never about user data). */
  onInternalError?: (channel: string, err: unknown) => void;
}

const handlers: { [C in ChannelName]: Handler<C> } = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...customerHandlers,
  ...fieldHandlers,
  ...purposeHandlers,
  ...consentHandlers,
  ...noticeHandlers,
  ...accessHandlers,
  ...requestHandlers,
  ...purchaseHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...staffHandlers,
  ...accountHandlers,
  ...securityHandlers,
  ...auditHandlers,
  ...restoreHandlers,
  ...backupHandlers,
  ...demoHandlers,
};
const enrolmentOnly = new Set<string>(enrolmentChannels);

export interface Router {
  handle(sender: Sender, channel: unknown, input: unknown): Promise<Result<unknown>>;
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function createRouter(opts: RouterOptions): Router {
  const trusted = new Set(opts.trustedOrigins.map((o) => originOf(o) ?? o));
  const isKnown = (c: unknown): c is ChannelName => typeof c === 'string' && Object.hasOwn(channels, c);

  return {
    async handle(sender, channel, input) {
      const origin = originOf(sender.url);
      if (!sender.isMainFrame || !origin || !trusted.has(origin)) return fail('bad_sender');
      if (!isKnown(channel)) return fail('unknown_channel');
      const def = channels[channel];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) return fail('invalid_input', fieldErrors(parsed.error, input));
      const { vault } = opts.context;
      const denied = checkAccess(def.access, vault.status());
      if (denied) return denied;
      // Authorised against the signed-in person's role as the main process knows it, never the renderer's word.
      const refusal = def.access === 'unlocked' ? authorise(opts.context, channel, def.permission) : null;
      if (refusal) {
        if (refusal === 'forbidden') {
          await vault
            .record({ action: 'access.denied', outcome: 'denied', details: { channel, permission: def.permission } })
            .catch((err: unknown) => opts.onInternalError?.(channel, err));
        }
        return fail(refusal);
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>;
        const records = channelRecords[channel];
        if (records.kind === 'nothing' || records.kind === 'own') {
          return ok(await handler(parsed.data as never, { ...opts.context, db: () => vault.db() }));
        }
        // view / change: the handler and its audit entry in one transaction. The entry is written
        // before COMMIT; if it cannot be, the change rolls back and the data is not returned.
        const output = await audited(
          vault.db(),
          (tx, entry) => vault.recordIn(tx, entry),
          (db) => handler(parsed.data as never, { ...opts.context, db: () => db }),
          (value, db) => describe(channel as never, parsed.data as never, value as never, { ...opts.context, db: () => db }),
        );
        return ok(output);
      } catch (err) {
        return toFailure(channel, err, opts.onInternalError);
      }
    },
  };
}

function authorise(ctx: AppContext, channel: ChannelName, permission: Permission | null): 'forbidden' | 'totp_enrolment_required' | 'locked' | null {
  const user = ctx.vault.user();
  if (!user) return 'locked';
  if (permission && !can(user.role, permission)) return 'forbidden';
  if (!enrolmentOnly.has(channel) && ctx.vault.sessionUser(user).mustEnrollTotp) return 'totp_enrolment_required';
  return null;
}

/** States in which no vault is open: none here, or one that cannot be opened. */
const notOpen = new Set<VaultStatus['state']>(['no_vault', 'needs_recovery', 'unavailable']);

function checkAccess(access: Access, status: VaultStatus): Result<never> | null {
  if (access === 'any' || access === status.state) return null;
  if (access === 'not_open') return notOpen.has(status.state) ? null : fail('vault_exists');
  if (access === 'unlocked') return fail(status.state === 'no_vault' ? 'no_vault' : 'locked');
  if (access === 'no_vault') return fail('vault_exists');
  if (access === 'locked' && status.state === 'no_vault') return fail('no_vault');
  return fail('conflict');
}

function toFailure(channel: string, err: unknown, report?: (channel: string, err: unknown) => void): Result<never> {
  const mapped = fsError(err);
  if (mapped instanceof VaultError) return fail(mapped.code, mapped.fields, mapped.retryAfterSeconds, mapped.file);
  if (err instanceof DriverError) {
    if (err.sqliteCode === 'SQLITE_FULL') return fail('disk_full');
    if (err.sqliteCode === 'SQLITE_READONLY') return fail('read_only');
    if (err.sqliteCode === 'SQLITE_CORRUPT' || err.sqliteCode === 'SQLITE_NOTADB') return fail('corrupt_vault');
  }
  report?.(channel, err);
  return fail('internal');
}
