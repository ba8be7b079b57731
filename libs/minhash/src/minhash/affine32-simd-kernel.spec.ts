import { seededRandom } from '../testing/seeded-random';
import { Affine32SimdKernel } from './affine32-simd-kernel';
import { fmix32 } from './fmix32';
import { permutationsFor, type Affine32Permutations } from './permutations';
import { permuteMinIntoJs } from './permute-min';

function affine32(numPerm: number, seed = 1): Affine32Permutations {
  const perms = permutationsFor(numPerm, seed, 'affine32');
  if (perms.scheme !== 'affine32') throw new Error('expected affine32 permutations');
  return perms;
}

describe('Affine32SimdKernel', () => {
  const random = seededRandom(17);
  const u32 = (): number => Math.floor(random() * 2 ** 32);

  it('is available on Node 20 for numPerm multiples of 16, and declines others', () => {
    expect(Affine32SimdKernel.create(affine32(128))).not.toBeNull();
    expect(Affine32SimdKernel.create(affine32(20))).toBeNull();
  });

  it.each([16, 128, 256])(
    'equals the JS loop for numPerm %i, any hash count, from any starting state',
    (numPerm) => {
      const perms = permutationsFor(numPerm, 7, 'affine32');
      if (perms.scheme !== 'affine32') throw new Error('scheme');
      const kernel = Affine32SimdKernel.create(perms)!;
      // Counts include 0 and one large enough to grow the kernel's memory past its first page.
      for (const count of [0, 1, 2, 3, 75, 1000, 20000]) {
        const hashes = Uint32Array.from({ length: count }, u32);
        const start = Uint32Array.from({ length: numPerm }, () => (random() < 0.5 ? 0xffffffff : u32()));
        const expected = start.slice();
        permuteMinIntoJs(perms, hashes, count, expected);
        const actual = start.slice();
        kernel.minInto(Int32Array.from(hashes, fmix32), count, actual);
        expect(Array.from(actual)).toEqual(Array.from(expected));
      }
    },
  );
});
