import { useCallback, useEffect, useState } from 'react';

/**
 * Seconds left until a moment `start(seconds)` sets; 0 when none or when it has passed.
 * Ticks once a second with setTimeout and Date.now, so fake clocks can fast-forward it.
 */
export function useCountdown(): { remaining: number; start(seconds: number): void; reset(): void } {
  const [clock, setClock] = useState<{ until: number; now: number } | null>(null);
  const remaining = clock ? Math.max(0, Math.ceil((clock.until - clock.now) / 1000)) : 0;

  useEffect(() => {
    if (remaining === 0) return;
    const timer = setTimeout(() => setClock((c) => c && { ...c, now: Date.now() }), 1000);
    return () => clearTimeout(timer);
  }, [clock, remaining]);

  const start = useCallback((seconds: number) => {
    const now = Date.now();
    setClock({ until: now + Math.max(1, Math.ceil(seconds)) * 1000, now });
  }, []);
  const reset = useCallback(() => setClock(null), []);
  return { remaining, start, reset };
}
