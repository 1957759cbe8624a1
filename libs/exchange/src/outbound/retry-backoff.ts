/**
 * The wait before attempt `attempts + 1`: `min(cap, base·2^attempts)` scaled by a random factor in
 * [0.5, 1.5), so that consignments that failed together (a hub that was down) do not all come back
 * in the same second.
 */
export function retryDelayMs(
  attempts: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempts, 0), 40));
  return Math.round(exponential * (0.5 + random()));
}
