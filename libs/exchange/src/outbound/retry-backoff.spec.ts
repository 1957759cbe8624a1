import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 10, 60].map((a) => retryDelayMs(a, 2000, 60_000, mid))).toEqual([
      2000, 4000, 8000, 16_000, 60_000, 60_000,
    ]);
  });

  it('spreads each delay over half to one and a half times', () => {
    expect(retryDelayMs(3, 1000, 1_000_000, () => 0)).toBe(4000);
    expect(retryDelayMs(3, 1000, 1_000_000, () => 0.999999)).toBe(12_000);
    const seen = new Set(Array.from({ length: 200 }, () => retryDelayMs(2, 1000, 10_000)));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(2000);
    // rounded to the millisecond: 4000 × 1.4999 rounds to 6000
    expect(Math.max(...seen)).toBeLessThanOrEqual(6000);
    expect(seen.size).toBeGreaterThan(50);
  });
});
