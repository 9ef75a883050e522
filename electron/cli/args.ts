/**
 * Command-line parsing on `node:util` parseArgs: strict (unknown options are usage errors),
 * global options accepted before or after the command, and small checked readers for values.
 */
import { parseArgs } from 'node:util';
import { usageError } from './errors';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Accepted by every command. */
export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  /** The demo vault (sample data) beside the data folder instead of the real one: `brankas init --demo`. */
  demo: { type: 'boolean' },
  user: { type: 'string', short: 'u' },
  otp: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
}

/** Splits `argv` into the command (the first positional) and everything else. */
export function splitCommand(argv: string[]): { command: string | null; rest: string[] } {
  const { tokens } = parseArgs({
    args: argv,
    options: { ...GLOBAL_OPTIONS, version: { type: 'boolean', short: 'V' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
  if (!first || first.kind !== 'positional') return { command: null, rest: argv };
  return { command: first.value, rest: argv.filter((_, i) => i !== first.index) };
}

const PARSE_ERROR_TEXT: Record<string, (m: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (m) => {
    const option = /^Unknown option '([^']+)'/.exec(m)?.[1];
    return option ? `unknown option ${option}` : m;
  },
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (m) =>
    m.replace(/^Option '([^' ]+)[^']*'/, 'option $1').replace(/ argument missing$/, ' needs a value'),
};

/** Parses the arguments of `command` against its options plus the global ones. */
export function parseCommand(command: string, argv: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const message = e.message ?? String(err);
    const tidy = (e.code && PARSE_ERROR_TEXT[e.code]?.(message)) ?? message;
    throw usageError(tidy, command);
  }
}

export function stringOption(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function choiceOption<T extends string>(p: Parsed, name: string, choices: readonly T[], command: string): T | undefined {
  const v = stringOption(p, name);
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) throw usageError(`--${name} must be one of: ${choices.join(', ')} (got "${v}")`, command);
  return v as T;
}

export function intOption(p: Parsed, name: string, min: number, max: number, command: string): number | undefined {
  const v = stringOption(p, name);
  if (v === undefined) return undefined;
  const n = /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw usageError(`--${name} must be a whole number from ${min} to ${max} (got "${v}")`, command);
  return n;
}

/** Exactly `count` positionals, named for the message. */
export function positionals(p: Parsed, names: string[], command: string): string[] {
  if (p.positionals.length < names.length) throw usageError(`missing ${names.slice(p.positionals.length).join(' ')}`, command);
  if (p.positionals.length > names.length) throw usageError(`unexpected argument "${p.positionals[names.length]}"`, command);
  return p.positionals;
}
