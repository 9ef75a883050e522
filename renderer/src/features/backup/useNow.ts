import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (for "2 days ago" texts on screens that stay open). */
export function useNow(everyMs = 60 * 60 * 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
