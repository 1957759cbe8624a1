import { useEffect, useState } from 'react';

/**
 * Seconds left until `until` (a Date.now() instant), ticking each second; 0 once passed or when
 * there is nothing to wait for. Used where the server said how long to wait (retryAfterSeconds).
 */
export function useCountdown(until: number | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((until - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!until) return;
    const timer = setInterval(() => {
      const s = left();
      setSeconds(s);
      if (s === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return seconds;
}

/** 75 → "1:15", 9 → "0:09". */
export const minutesSeconds = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
