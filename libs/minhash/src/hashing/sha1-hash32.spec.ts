import { createHash } from 'node:crypto';
import { loadFixture } from '../testing/load-fixture';
import { sha1Into } from './sha1';
import { sha1Hash32, sha1Hash53Range } from './sha1-hash32';

interface Sha1Fixture {
  cases: ({ hex: string; hash32: number } | { utf8: string; hash32: number })[];
}

describe('sha1Hash32', () => {
  const fixture = loadFixture('sha1-hash32.json') as Sha1Fixture;

  it.each(fixture.cases.map((c, i) => [i, c] as const))(
    'matches datasketch sha1_hash32 (case %i)',
    (_i, c) => {
      const input = 'hex' in c ? Buffer.from(c.hex, 'hex') : c.utf8;
      expect(sha1Hash32(input)).toBe(c.hash32);
    },
  );

  it('computes the full SHA-1 digest of every length from 0 to 300 bytes, at any offset', () => {
    const data = Buffer.alloc(400);
    for (let i = 0; i < data.length; i++) data[i] = (i * 131 + 7) & 0xff;
    const state = new Int32Array(5);
    for (let length = 0; length <= 300; length++) {
      const start = length % 37;
      sha1Into(data, start, start + length, state);
      const ours = Buffer.alloc(20);
      state.forEach((word, i) => ours.writeInt32BE(word, i * 4));
      const expected = createHash('sha1')
        .update(data.subarray(start, start + length))
        .digest();
      expect(ours.toString('hex')).toBe(expected.toString('hex'));
    }
  });

  it('gives a 53-bit key made of the digest prefix', () => {
    const bytes = Buffer.from('thirteen word n gram');
    const digest = createHash('sha1').update(bytes).digest();
    const expected = digest.readUInt32BE(0) * 2 ** 21 + (digest.readUInt32BE(4) >>> 11);
    expect(sha1Hash53Range(bytes, 0, bytes.length)).toBe(expected);
    expect(Number.isSafeInteger(expected)).toBe(true);
  });
});
