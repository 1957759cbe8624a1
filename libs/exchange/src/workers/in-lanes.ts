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

/**
 * Claims and works queue items, `lanes` at once, until a claim finds none or `limit` were claimed;
 * each lane claims its next item when its last is done (a slow item holds one lane, and an item is
 * never claimed long before it is worked on). One claim comes first, alone: an empty queue (most
 * wake-ups) costs one claim, and the other lanes start only when there is work. Returns how many
 * were claimed; a failure rejects as Promise.all does.
 */
export async function drainInLanes<T>(
  lanes: number,
  limit: number,
  claim: () => Promise<T | undefined>,
  work: (item: T) => Promise<unknown>,
): Promise<number> {
  const first = await claim();
  if (first === undefined) return 0;
  let claimed = 1;
  let drained = false;
  const lane = async (item?: T): Promise<void> => {
    if (item !== undefined) await work(item);
    while (!drained && claimed < limit) {
      claimed += 1; // counted before the claim: lanes claiming at once stay within the limit
      const next = await claim();
      if (next === undefined) {
        claimed -= 1;
        drained = true;
        return;
      }
      await work(next);
    }
  };
  await Promise.all([lane(first), ...Array.from({ length: lanes - 1 }, () => lane())]);
  return claimed;
}
