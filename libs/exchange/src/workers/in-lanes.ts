/**
 * Runs `work` over `items` with at most `lanes` at once, each lane taking the next item when its
 * last is done (a slow item holds up one lane, not the round). Rejections propagate after every
 * lane has stopped; callers whose work must not fail catch inside `work`.
 */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(lanes, items.length) }, lane));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
