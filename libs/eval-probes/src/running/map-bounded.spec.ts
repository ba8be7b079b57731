import { mapBounded } from './map-bounded';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapBounded', () => {
  it('returns results in input order whatever order calls finish in', async () => {
    const results = await mapBounded([30, 10, 20], 3, async (delay) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return delay * 2;
    });
    expect(results).toEqual([60, 20, 40]);
  });

  it('handles no items', async () => {
    await expect(mapBounded([], 2, () => Promise.resolve(1))).resolves.toEqual([]);
  });

  it('fails with an error thrown synchronously by the task, as is', async () => {
    const error = new Error('boom');
    await expect(
      mapBounded([1], 1, () => {
        throw error;
      }),
    ).rejects.toBe(error);
  });

  it('starts nothing new after a failure', async () => {
    const started: number[] = [];
    const error = new Error('first fails');
    await expect(
      mapBounded([0, 1, 2, 3, 4], 2, async (item) => {
        started.push(item);
        await tick();
        if (item === 0) throw error;
        await tick();
        return item;
      }),
    ).rejects.toBe(error);
    await tick();
    await tick();
    expect(started).toEqual([0, 1]);
  });
});
