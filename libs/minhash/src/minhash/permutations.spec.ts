import { thrownCode } from '../testing/thrown-code';
import { loadFixture } from '../testing/load-fixture';
import { permutationsFor } from './permutations';

interface PermutationsFixture {
  seed: number;
  schemes: {
    legacy: { prefixProperty: boolean; a: string[]; b: string[] };
    affine32: { prefixProperty: boolean; byNumPerm: Record<string, { a: number[]; b: number[] }> };
  };
}

const fixture = loadFixture('permutations.json') as PermutationsFixture;
const u64 = (hi: number, lo: number): string => (BigInt(hi) * 2n ** 32n + BigInt(lo)).toString();

describe('permutationsFor', () => {
  it.each([16, 128, 256, 1024])(
    'legacy num_perm=%i equals the first num_perm of datasketch’s 1024',
    (numPerm) => {
      const perms = permutationsFor(numPerm, fixture.seed, 'legacy');
      if (perms.scheme !== 'legacy') throw new Error('scheme');
      const a = Array.from(perms.aHi, (hi, k) => u64(hi, perms.aLo[k]!));
      const b = Array.from(perms.bHi, (hi, k) => u64(hi, perms.bLo[k]!));
      expect(a).toEqual(fixture.schemes.legacy.a.slice(0, numPerm));
      expect(b).toEqual(fixture.schemes.legacy.b.slice(0, numPerm));
    },
  );

  it.each(Object.keys(fixture.schemes.affine32.byNumPerm))('affine32 num_perm=%s equals datasketch', (n) => {
    const perms = permutationsFor(Number(n), fixture.seed, 'affine32');
    if (perms.scheme !== 'affine32') throw new Error('scheme');
    const expected = fixture.schemes.affine32.byNumPerm[n]!;
    expect(Array.from(perms.a)).toEqual(expected.a);
    expect(Array.from(perms.b)).toEqual(expected.b);
  });

  it('records that only legacy parameters are prefixes of a larger num_perm', () => {
    expect(fixture.schemes.legacy.prefixProperty).toBe(true);
    expect(fixture.schemes.affine32.prefixProperty).toBe(false);
  });

  it('rejects a bad num_perm or seed', () => {
    expect(thrownCode(() => permutationsFor(0))).toBe('INVALID_OPTION');
    expect(thrownCode(() => permutationsFor(16, -1))).toBe('INVALID_OPTION');
  });
});
