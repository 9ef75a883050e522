import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Calls `onIdle` once after `minutes` without keyboard, pointer or wheel activity.
 * Activity only records a timestamp; one timer re-arms itself for the remaining time,
 * so a moving mouse costs nothing. Uses setTimeout and Date.now, so Playwright's
 * `page.clock` can fast-forward it.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) onIdleRef.current();
      else timer = setTimeout(check, limit - idle);
    };
    const activity = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { capture: true, passive: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
    };
  }, [minutes]);
}
