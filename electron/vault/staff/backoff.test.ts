import { describe, it, expect } from 'vitest';
import { MAX_DELAY_MS, retryAfterMs, signInDelayMs } from './backoff';

describe('signInDelayMs', () => {
  it('is free for fewer than 5 failures', () => {
    for (const n of [0, 1, 2, 3, 4]) expect(signInDelayMs(n)).toBe(0);
    expect(signInDelayMs(-1)).toBe(0);
    expect(signInDelayMs(Number.NaN)).toBe(0);
  });

  it('doubles from 30 s at the fifth failure', () => {
    expect(signInDelayMs(5)).toBe(30_000);
    expect(signInDelayMs(6)).toBe(60_000);
    expect(signInDelayMs(7)).toBe(120_000);
    expect(signInDelayMs(11)).toBe(30_000 * 64); // 32 min
  });

  it('is capped at one hour', () => {
    expect(MAX_DELAY_MS).toBe(3_600_000);
    expect(signInDelayMs(12)).toBe(3_600_000);
    expect(signInDelayMs(1000)).toBe(3_600_000);
    expect(signInDelayMs(Number.MAX_SAFE_INTEGER)).toBe(3_600_000);
    expect(signInDelayMs(Number.POSITIVE_INFINITY)).toBe(3_600_000);
  });
});

describe('retryAfterMs', () => {
  const t = 1_700_000_000_000;

  it('is 0 with no failure on record or few failures', () => {
    expect(retryAfterMs({ failures: 0, lastFailureAt: null }, t)).toBe(0);
    expect(retryAfterMs({ failures: 9, lastFailureAt: null }, t)).toBe(0);
    expect(retryAfterMs({ failures: 4, lastFailureAt: t }, t)).toBe(0);
  });

  it('counts down from the last failure', () => {
    const state = { failures: 5, lastFailureAt: t };
    expect(retryAfterMs(state, t)).toBe(30_000);
    expect(retryAfterMs(state, t + 10_000)).toBe(20_000);
    expect(retryAfterMs(state, t + 30_000)).toBe(0);
    expect(retryAfterMs(state, t + 99_000)).toBe(0);
    expect(retryAfterMs({ failures: 20, lastFailureAt: t }, t + 60_000)).toBe(3_540_000);
  });

  it('never exceeds the delay when the clock went backwards', () => {
    expect(retryAfterMs({ failures: 5, lastFailureAt: t }, t - 86_400_000)).toBe(30_000);
  });
});
