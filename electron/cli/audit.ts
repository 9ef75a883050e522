/**
 * `brankas audit verify`: checks the audit trail's MAC chain the way Settings → Audit does
 * (every entry in order, then the head) and says where it first breaks. Read-only: it signs in
 * (which, like any sign-in, adds its own entries), verifies and prints. A broken trail is a
 * finding, not a crash, so the result goes to stdout and the exit code says which it was.
 */
import type { AuditVerification } from '../contract';
import { verifyAudit } from '../vault/audit/verify';
import { flag, positionals } from './args';
import type { Command } from './command';
import { EXIT, usageError, type ExitCode } from './errors';
import { drained, line } from './io';
import { withSession } from './session';

const SUBCOMMANDS = ['verify'] as const;

/** The exit code for a trail that does not verify. TODO(lead): a dedicated EXIT.checkFailed (5) once errors.ts has one. */
export const AUDIT_BROKEN_EXIT: ExitCode = EXIT.checkFailed;

const help = `Usage: brankas audit verify --user NAME [--json]

Checks that the audit trail is exactly as the app wrote it: every entry is numbered 1, 2, 3…
without a gap, each one's MAC (made with a key derived from the vault key) matches it and the
entry before it, and the last entry is the one the vault recorded as last. Reports the first
entry that does not fit:
  altered                an entry was changed after it was written
  missing_or_reordered   an entry was deleted, added or moved
  truncated              entries were cut off the end
Needs a role that may view the audit trail (Owner or Manager).

Options:
  --json   print {"ok":true,"entries"} or {"ok":false,"entries","firstBrokenId","reason"}

Exit code ${AUDIT_BROKEN_EXIT} when the trail does not verify.

Example:
  BRANKAS_PASSWORD=… brankas audit verify --user "Ibu Sari" --json`;

const entries = (n: number): string => `${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'}`;

export function describeVerification(v: AuditVerification): string {
  if (v.ok) return `Audit trail verified: ${entries(v.entries)}, nothing changed, missing or out of order.`;
  const total = `(${entries(v.entries)} in the trail)`;
  switch (v.reason) {
    case 'altered':
      return `Audit trail BROKEN at entry #${v.firstBrokenId}: it was changed after it was written ${total}.`;
    case 'missing_or_reordered':
      return `Audit trail BROKEN at entry #${v.firstBrokenId}: entries were deleted, added or moved there ${total}.`;
    case 'truncated':
      return v.firstBrokenId === null
        ? `Audit trail BROKEN at the end: the last entry is not the one the vault recorded; entries may have been cut off ${total}.`
        : `Audit trail BROKEN at the end: entries from #${v.firstBrokenId} on were cut off ${total}.`;
  }
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the audit trail: nothing changed, deleted, added or cut off',
  help,
  options: { json: { type: 'boolean' } },

  async run({ io, p }) {
    const [sub = ''] = positionals(p, ['SUBCOMMAND'], 'audit');
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw usageError(`unknown audit command "${sub}" (use: ${SUBCOMMANDS.join(', ')})`, 'audit');
    const result = await withSession(io, p, 'audit', 'audit.view', ({ db, vault }) => verifyAudit(db, vault.auditKey()));
    line(io.stdout, flag(p, 'json') ? JSON.stringify(result) : describeVerification(result));
    await drained(io.stdout);
    return result.ok ? EXIT.ok : AUDIT_BROKEN_EXIT;
  },
};
