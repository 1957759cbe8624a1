import { Batcher, type BatchOutcome } from './batcher';

/** A writer that records its batches and answers each item with `answer(item)`. */
function recording(answer: (item: number) => BatchOutcome<string> = (item) => ({ value: `#${item}` })) {
  const batches: number[][] = [];
  const batcher = new Batcher<number, string>(async (items) => {
    batches.push([...items]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return items.map(answer);
  });
  return { batches, batcher };
}

describe('Batcher', () => {
  it('writes the first item at once and the items submitted meanwhile together', async () => {
    const { batches, batcher } = recording();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.submit(i)));
    expect(answers).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('puts an item answered "again" first in the next batch', async () => {
    let putOff = true;
    const { batches, batcher } = recording((item) => {
      if (item === 3 && putOff) {
        putOff = false;
        return { again: true };
      }
      return { value: `#${item}` };
    });
    const first = batcher.submit(1);
    const rest = [2, 3, 4].map((i) => batcher.submit(i));
    await first;
    // submitted while the second batch is being written
    await new Promise((resolve) => setTimeout(resolve, 2));
    const late = batcher.submit(5);
    expect(await Promise.all([...rest, late])).toEqual(['#2', '#3', '#4', '#5']);
    expect(batches).toEqual([[1], [2, 3, 4], [3, 5]]);
  });

  it('rejects the items a writer refuses or fails on, and goes on with the next batch', async () => {
    let failNext = true;
    const batcher = new Batcher<number, string>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (items.includes(2) && failNext) {
        failNext = false;
        throw new Error('database gone');
      }
      return items.map((item) => (item === 4 ? { error: new Error('refused 4') } : { value: `#${item}` }));
    });
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([
      '#1',
      'database gone',
      'database gone',
      'database gone',
    ]);
    expect(await Promise.allSettled([batcher.submit(4), batcher.submit(5)])).toMatchObject([
      { status: 'rejected', reason: { message: 'refused 4' } },
      { status: 'fulfilled', value: '#5' },
    ]);
  });

  it('refuses a writer that puts off the first item of a batch instead of looping', async () => {
    const batcher = new Batcher<number, string>(async (items) => items.map(() => ({ again: true })));
    await expect(batcher.submit(1)).rejects.toThrow('put off the first item');
  });
});
