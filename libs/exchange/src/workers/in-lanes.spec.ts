import { inLanes } from './in-lanes';

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
