import { describe, expect, it } from 'vitest';
import { formatDate, formatRupiah, parseRupiah } from './format';

describe('rupiah and dates', () => {
  it('shows whole rupiah the Indonesian way', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
  });

  it('reads what people type for an amount', () => {
    expect(['1.250.000', 'Rp 1.250.000', 'rp1250000', '1,250,000', ' 1 250 000 '].map(parseRupiah)).toEqual(Array(5).fill(1_250_000));
    expect(['', 'dua ribu', '12,5a', '-5'].map(parseRupiah)).toEqual([null, null, null, null]);
  });

  it('formats calendar dates without a timezone shift', () => {
    expect(formatDate('id', '2026-05-01')).toBe('1 Mei 2026');
    expect(formatDate('en', '2026-12-31')).toBe('31 Dec 2026');
  });
});
