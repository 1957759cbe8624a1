import { drainInLanes, inLanes } from './in-lanes';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('inLanes', () => {
  it('works on every item, never more than the lanes at once, a slow item holding one lane only', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await inLanes([0, 1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      // item 0 is slow: the other lanes go on through the rest meanwhile
      for (let i = 0; i < (item === 0 ? 20 : 1); i += 1) await tick();
      done.push(item);
      running -= 1;
    });
    expect(peak).toBe(3);
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(done.at(-1)).toBe(0);
  });

  it('lets the other lanes finish, then rejects with the failure', async () => {
    const done: number[] = [];
    await expect(
      inLanes([1, 2, 3, 4], 2, async (item) => {
        await tick();
        if (item === 2) throw new Error('boom');
        done.push(item);
      }),
    ).rejects.toThrow('boom');
    expect(done).toEqual(expect.arrayContaining([1, 3, 4]));
  });

  it('does nothing for no items', async () => {
    const work = jest.fn();
    await inLanes([], 4, work);
    expect(work).not.toHaveBeenCalled();
  });
});

describe('drainInLanes', () => {
  /** A queue of `n` items; counts claims and the work running at once. */
  function queue(n: number, slow?: number) {
    const state = { claims: 0, running: 0, peak: 0, done: [] as number[] };
    let next = 0;
    return {
      state,
      claim: async () => {
        state.claims += 1;
        await tick();
        return next < n ? next++ : undefined;
      },
      work: async (item: number) => {
        state.running += 1;
        state.peak = Math.max(state.peak, state.running);
        for (let i = 0; i < (item === slow ? 20 : 1); i += 1) await tick();
        state.done.push(item);
        state.running -= 1;
      },
    };
  }

  it('costs one claim and starts no lane on an empty queue', async () => {
    const q = queue(0);
    expect(await drainInLanes(4, 100, q.claim, q.work)).toBe(0);
    expect(q.state.claims).toBe(1);
  });

  it('works every item, the lanes at once, a slow item holding one lane only', async () => {
    const q = queue(10, 0);
    expect(await drainInLanes(3, 100, q.claim, q.work)).toBe(10);
    expect([...q.state.done].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(q.state.peak).toBe(3);
    expect(q.state.done.at(-1)).toBe(0);
  });

  it('stops claiming at the limit', async () => {
    const q = queue(50);
    expect(await drainInLanes(4, 8, q.claim, q.work)).toBe(8);
    expect(q.state.done).toHaveLength(8);
  });
});
