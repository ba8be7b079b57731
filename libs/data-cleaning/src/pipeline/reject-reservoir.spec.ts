import { seededRandom } from './seeded-random';
import { RejectReservoir } from './reject-reservoir';

describe('RejectReservoir', () => {
  it('keeps everything until full', () => {
    const reservoir = new RejectReservoir<number>(3, seededRandom(1));
    for (const n of [1, 2]) reservoir.offer(() => n);
    expect(reservoir.samples()).toEqual([1, 2]);
  });

  it('holds at most size items, building only the ones it takes', () => {
    const reservoir = new RejectReservoir<number>(5, seededRandom(2));
    let built = 0;
    for (let n = 0; n < 10_000; n++) {
      reservoir.offer(() => {
        built++;
        return n;
      });
    }
    expect(reservoir.samples()).toHaveLength(5);
    expect(built).toBeLessThan(100); // about size * (1 + ln(stream / size))
  });

  it('samples uniformly over the whole stream', () => {
    let sum = 0;
    let count = 0;
    for (let seed = 0; seed < 400; seed++) {
      const reservoir = new RejectReservoir<number>(5, seededRandom(seed));
      for (let n = 0; n < 1000; n++) reservoir.offer(() => n);
      for (const n of reservoir.samples()) {
        sum += n;
        count++;
      }
    }
    expect(sum / count).toBeGreaterThan(470);
    expect(sum / count).toBeLessThan(530);
  });

  it('keeps nothing when the size is 0', () => {
    const reservoir = new RejectReservoir<number>(0, seededRandom(3));
    reservoir.offer(() => 1);
    expect(reservoir.samples()).toEqual([]);
  });
});
