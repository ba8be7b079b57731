import { seededRandom } from '../testing/seeded-random';
import { fmix32 } from './fmix32';
import { legacyPermute } from './legacy-permute';

const MASK64 = (1n << 64n) - 1n;
const PRIME = (1n << 61n) - 1n;

/** numpy: (a * hv + b) in uint64 (wraps), % mersenne prime, & 0xFFFFFFFF — with BigInt. */
function reference(a: bigint, b: bigint, h: number): number {
  return Number((((a * BigInt(h) + b) & MASK64) % PRIME) & 0xffffffffn);
}

describe('legacyPermute', () => {
  it('equals the uint64 BigInt reference on random and extreme inputs', () => {
    const random = seededRandom(99);
    const u32 = (): number => Math.floor(random() * 2 ** 32);
    const below61 = (): bigint => ((BigInt(u32()) << 32n) | BigInt(u32())) % PRIME;
    const extremes = [0n, 1n, PRIME - 1n, PRIME - 2n, 1n << 60n, (1n << 32n) - 1n, 1n << 32n];
    const hashes = [0, 1, 0xffffffff, 0x80000000, 0x7fffffff];
    const cases: [bigint, bigint, number][] = [];
    for (const a of extremes) for (const b of extremes) for (const h of hashes) cases.push([a, b, h]);
    for (let i = 0; i < 20000; i++) cases.push([below61(), below61(), u32()]);
    for (const [a, b, h] of cases) {
      const got = legacyPermute(
        Number(a >> 32n),
        Number(a & 0xffffffffn),
        Number(b >> 32n),
        Number(b & 0xffffffffn),
        h,
      );
      if (got !== reference(a, b, h))
        throw new Error(`a=${a} b=${b} h=${h}: ${got} != ${reference(a, b, h)}`);
    }
  });
});

describe('fmix32', () => {
  it('is MurmurHash3’s finalizer', () => {
    // Reference values: fmix32 from MurmurHash3 (uint32 arithmetic), computed with BigInt.
    const ref = (x: number): number => {
      let h = BigInt(x);
      h ^= h >> 16n;
      h = (h * 0x85ebca6bn) & 0xffffffffn;
      h ^= h >> 13n;
      h = (h * 0xc2b2ae35n) & 0xffffffffn;
      h ^= h >> 16n;
      return Number(h);
    };
    for (const x of [0, 1, 42, 0xdeadbeef, 0xffffffff, 0x80000000]) expect(fmix32(x)).toBe(ref(x));
  });
});
