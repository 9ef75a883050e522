/** Progress of long work on stderr, only when stderr is a terminal (a log file gets no carriage returns). */
import type { Progress } from '../vault/transfer/scan';
import { isTty, type CliIo } from './io';

export interface ProgressLine {
  report?: (p: Progress) => void;
  /** Clears the line; safe to call more than once. */
  done(): void;
}

export function progressLine(io: CliIo, verb: string, unit: string): ProgressLine {
  if (!isTty(io.stderr)) return { done: () => undefined };
  let shown = false;
  return {
    report: (p) => {
      shown = true;
      const total = p.total ? ` of ${p.total.toLocaleString('en')}` : '';
      io.stderr.write(`\r${verb}… ${p.done.toLocaleString('en')}${total} ${unit}\x1b[K`);
    },
    done: () => {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
