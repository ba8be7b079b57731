import { seededRandom } from '../testing/seeded-random';
import { BandBuckets } from './band-buckets';

describe('BandBuckets', () => {
  it('behaves like a Map keyed by (band, hash), across growth', () => {
    const random = seededRandom(5);
    const buckets = new BandBuckets();
    const reference = new Map<string, number>();
    for (let slot = 0; slot < 20000; slot++) {
      const band = Math.floor(random() * 9);
      // A small hash range so keys repeat, and equal hashes in different bands must stay apart.
      const hash = (Math.floor(random() * 5000) * 0x9e3779b1) | 0;
      const key = `${band}:${hash}`;
      expect(buckets.put(band, hash, slot)).toBe(reference.get(key) ?? -1);
      reference.set(key, slot);
    }
    for (const [key, slot] of reference) {
      const [band, hash] = key.split(':').map(Number);
      expect(buckets.get(band!, hash!)).toBe(slot);
    }
    expect(buckets.get(3, 12345)).toBe(-1);
  });

  it('treats slot 0 as a real head', () => {
    const buckets = new BandBuckets();
    expect(buckets.put(0, 0, 0)).toBe(-1);
    expect(buckets.get(0, 0)).toBe(0);
    expect(buckets.put(0, 0, 1)).toBe(0);
  });
});
