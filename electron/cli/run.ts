/**
 * `runCli(argv, io)`: the whole command line as a function, so tests run it in-process and
 * `index.ts` only connects it to the real process. Returns the exit code; never throws.
 */
import { parseCommand, splitCommand, type Parsed } from './args';
import type { Command } from './command';
import { classify, EXIT, usageError, type ExitCode } from './errors';
import { auditCommand } from './audit';
import { backupCommand, restoreCommand } from './backup';
import { exportCommand } from './export';
import { fieldsCommand } from './fields';
import { purposesCommand } from './purposes';
import { consentCommand } from './consent';
import { eraseCommand } from './erase';
import { accessPackCommand } from './access-pack';
import { requestCommand } from './request';
import { noticeCommand } from './notice';
import { commandHelp, generalHelp } from './help';
import { importCommand } from './import';
import { initCommand } from './init';
import { line, write, type CliIo } from './io';
import { searchCommand } from './search';
import { dataDirOf } from './session';
import { statsCommand } from './stats';
import { appVersion } from '../vault/version';

export type { CliIo } from './io';

export const COMMANDS: readonly Command[] = [initCommand, importCommand, exportCommand, searchCommand, fieldsCommand, purposesCommand, consentCommand, requestCommand, accessPackCommand, eraseCommand, noticeCommand, statsCommand, auditCommand, backupCommand, restoreCommand];

const find = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let parsed: Parsed | undefined;
  try {
    const { command, rest } = splitCommand(argv);
    if (command === null) {
      const top = parseCommand('', rest, { version: { type: 'boolean', short: 'V' } });
      if (top.values.version) {
        line(io.stdout, appVersion());
        return EXIT.ok;
      }
      if (top.values.help) {
        write(io.stdout, generalHelp(COMMANDS, appVersion()));
        return EXIT.ok;
      }
      write(io.stderr, generalHelp(COMMANDS, appVersion()));
      return EXIT.usage;
    }
    if (command === 'help') {
      const [topic, extra] = rest.filter((a) => !a.startsWith('-'));
      if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`);
      const c = topic === undefined ? undefined : find(topic);
      if (topic !== undefined && !c) throw usageError(`unknown command "${topic}"`);
      write(io.stdout, c ? commandHelp(c) : generalHelp(COMMANDS, appVersion()));
      return EXIT.ok;
    }
    const c = find(command);
    if (!c) throw usageError(`unknown command "${command}"`);
    parsed = parseCommand(c.name, rest, c.options);
    if (parsed.values.help) {
      write(io.stdout, commandHelp(c));
      return EXIT.ok;
    }
    return await c.run({ io, p: parsed });
  } catch (err) {
    let dataDir: string | undefined;
    try {
      dataDir = parsed ? dataDirOf(io, parsed) : undefined;
    } catch {
      dataDir = undefined;
    }
    const e = classify(err, dataDir);
    line(io.stderr, `brankas: ${e.message}`);
    if (e.exitCode === EXIT.usage) line(io.stderr, `Run 'brankas ${e.command ? `${e.command} ` : ''}--help' for usage.`);
    return e.exitCode;
  }
}
