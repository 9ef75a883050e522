/** Plain text columns for the terminal: padded by display width, long cells cut with "…". */
const MAX_CELL = 40;

const width = (s: string): number => [...s].length;

const cut = (s: string): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return width(one) > MAX_CELL ? [...one].slice(0, MAX_CELL - 1).join('') + '…' : one;
};

export function formatTable(headers: string[], rows: string[][]): string {
  const cells = rows.map((r) => r.map(cut));
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return [fmt(headers), ...cells.map(fmt)].join('\n') + '\n';
}
