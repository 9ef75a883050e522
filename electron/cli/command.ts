/** The shape every command file exports. */
import type { OptionSpec, Parsed } from './args';
import type { ExitCode } from './errors';
import type { CliIo } from './io';

export interface CommandContext {
  io: CliIo;
  p: Parsed;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `brankas NAME --help` text (usage, options, examples), without the common footer. */
  help: string;
  options: OptionSpec;
  run(ctx: CommandContext): Promise<ExitCode>;
}
