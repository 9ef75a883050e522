/** Percentiles, formatting and the printed tables. */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

export const ms = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '–');
export const int = (v: number): string => Math.round(v).toLocaleString('en-US');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const out = (line = ''): void => void process.stdout.write(`${line}\n`);
/** Progress notes go to stderr, so stdout holds only the figures. */
export const note = (line: string): void => void process.stderr.write(`  · ${line}\n`);

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}
