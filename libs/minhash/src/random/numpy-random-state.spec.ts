import { loadFixture } from '../testing/load-fixture';
import { NumpyRandomState } from './numpy-random-state';

describe('NumpyRandomState', () => {
  it('reproduces the reference MT19937 output for init_genrand(5489)', () => {
    // The first outputs of the reference implementation (Matsumoto & Nishimura) for the default seed.
    const random = new NumpyRandomState(5489);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      3499211612, 581869302, 3890346734,
    ]);
  });

  it("draws datasketch's affine32 a and b for seed 1 (via the permutations fixture)", () => {
    const fixture = loadFixture('permutations.json') as {
      schemes: { affine32: { byNumPerm: Record<string, { a: number[]; b: number[] }> } };
    };
    const expected = fixture.schemes.affine32.byNumPerm['16']!;
    const random = new NumpyRandomState(1);
    const a = Array.from(random.randintUint32(0, 2 ** 31, 16), (x) => x * 2 + 1);
    const b = Array.from(random.randintUint32(0, 2 ** 32, 16));
    expect(a).toEqual(expected.a);
    expect(b).toEqual(expected.b);
  });
});
