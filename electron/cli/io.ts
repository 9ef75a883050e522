/**
 * What a command may touch of the outside world. `runCli` gets it from `index.ts` (process.*)
 * or from a test (memory streams), so every command runs the same in both.
 */
import type { Readable, Writable } from 'node:stream';
import type { Keychain } from '../vault/keys/keychain';
import type { ScryptParams } from '../vault/keys/recovery';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  now?: () => number;
  /** Working folder for relative paths (default: process.cwd()). */
  cwd?: string;
  /** Aborted on Ctrl-C: a running import rolls back. */
  signal?: AbortSignal;
  /** Test seams: the OS keychain and the password-hashing cost otherwise. */
  keychain?: Keychain;
  passwordKdf?: ScryptParams;
}

export const isTty = (s: Readable | Writable): boolean => (s as { isTTY?: boolean }).isTTY === true;

export const write = (s: Writable, text: string): void => {
  s.write(text);
};
export const line = (s: Writable, text = ''): void => {
  s.write(text + '\n');
};

/** Waits until everything written to `s` has been handed to the OS (large JSON on a pipe). */
export const drained = (s: Writable): Promise<void> =>
  new Promise((resolve) => {
    if (!s.writableNeedDrain) resolve();
    else s.once('drain', () => resolve());
  });

/** The first line of `stdin` (without its line break), or '' at end of input. Leaves the rest unread. */
export function readFirstLine(stdin: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const done = (value: string) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      stdin.pause();
      resolve(value.replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string) => {
      buf += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl >= 0) done(buf.slice(0, nl));
    };
    const onEnd = () => done(buf);
    const onError = (err: Error) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      reject(err);
    };
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
    stdin.resume();
  });
}

interface RawTty {
  isTTY: true;
  setRawMode(raw: boolean): unknown;
}

/** Asks on the terminal without echoing what is typed. Ctrl-C or Ctrl-D give null. */
export function promptHidden(stdin: Readable, stderr: Writable, question: string): Promise<string | null> {
  const tty = stdin as Readable & Partial<RawTty>;
  stderr.write(question);
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      tty.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(typed);
        if (ch === '\u0003' || ch === '\u0004') return finish(null);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    tty.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** "1 customer", "3 customers". */
export const plural = (n: number, noun: string): string => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
export const customers = (n: number, noun = 'customer'): string => plural(n, noun);
