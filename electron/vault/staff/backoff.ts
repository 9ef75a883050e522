/**
 * Sign-in throttling after repeated wrong passwords or codes. Pure arithmetic: the caller keeps
 * `failures` and `lastFailureAt` per staff member (reset on a successful sign-in) and asks how
 * long to wait. Four free mistakes, then 30 s, 1 min, 2 min, … doubling, never more than an hour,
 * so a guessing attacker gets a few dozen tries a day while a forgetful owner is never locked out.
 */

/** Failures allowed before any delay. */
export const FREE_FAILURES = 4;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60 * 1000;

/** The wait imposed after `consecutiveFailures` failures in a row. */
export function signInDelayMs(consecutiveFailures: number): number {
  // Written so NaN gives 0 and Infinity gives the cap.
  if (!(consecutiveFailures > FREE_FAILURES)) return 0;
  const exponent = Math.floor(consecutiveFailures) - (FREE_FAILURES + 1);
  // 30 s × 2^7 already exceeds the cap; clamping the exponent keeps 2 ** n finite for any count.
  return Math.min(BASE_DELAY_MS * 2 ** Math.min(exponent, 20), MAX_DELAY_MS);
}

/**
 * How long until the next attempt is allowed (0 = now). A clock set backwards cannot stretch the
 * wait beyond the delay itself.
 */
export function retryAfterMs(state: { failures: number; lastFailureAt: number | null }, now: number): number {
  if (state.lastFailureAt === null) return 0;
  const delay = signInDelayMs(state.failures);
  if (delay === 0) return 0;
  return Math.max(0, Math.min(delay, state.lastFailureAt + delay - now));
}
