import { thrownCode } from '../testing/thrown-code';
import { MinHash } from '../minhash/min-hash';
import type { MinHashScheme } from '../minhash/min-hash-scheme';
import { loadFixture } from '../testing/load-fixture';
import { seededRandom } from '../testing/seeded-random';
import { shingles } from '../text/tokenize';
import { LshIndex } from './lsh-index';
import { optimalLshParams } from './optimal-lsh-params';

interface LshQueriesFixture {
  numPerm: number;
  ngram: number;
  documents: string[];
  cases: { scheme: MinHashScheme; threshold: number; b: number; r: number; candidates: number[][] }[];
}

const queryAll = (index: LshIndex, signature: Uint32Array): number[] => {
  const out: number[] = [];
  index.query(signature, (slot) => out.push(slot));
  return out.sort((a, b) => a - b);
};

describe('LshIndex', () => {
  const fixture = loadFixture('lsh-queries.json') as LshQueriesFixture;

  it.each(fixture.cases.map((c) => [c.scheme, c.threshold, c] as const))(
    'returns datasketch MinHashLSH.query candidates (%s, threshold %f)',
    (_scheme, _t, c) => {
      const params = optimalLshParams(c.threshold, fixture.numPerm);
      expect([params.bands, params.rows]).toEqual([c.b, c.r]);
      const signatures = fixture.documents.map((text) => {
        const m = new MinHash({ numPerm: fixture.numPerm, scheme: c.scheme });
        m.updateBatch(new Set(shingles(text, fixture.ngram)));
        return m.hashvalues;
      });
      const index = new LshIndex(fixture.numPerm, params);
      signatures.forEach((s, i) => {
        expect(index.insert(s)).toBe(i);
      });
      expect(signatures.map((s) => queryAll(index, s))).toEqual(c.candidates);
    },
  );

  it('reports exactly the signatures with an equal band, each once, even with many shared buckets', () => {
    const random = seededRandom(3);
    const numPerm = 24;
    const params = { bands: 6, rows: 4 };
    // Values from a tiny alphabet so bands collide often, and pairs share several bands.
    const signatures = Array.from({ length: 300 }, () =>
      Uint32Array.from({ length: numPerm }, () => Math.floor(random() * 3)),
    );
    const index = new LshIndex(numPerm, params);
    signatures.forEach((s) => index.insert(s));
    for (const query of signatures.slice(0, 40)) {
      const expected = signatures
        .map((s, slot) => ({ s, slot }))
        .filter(({ s }) =>
          Array.from({ length: params.bands }, (_, b) => b * params.rows).some((o) =>
            s.subarray(o, o + params.rows).every((v, k) => v === query[o + k]),
          ),
        )
        .map(({ slot }) => slot);
      expect(queryAll(index, query)).toEqual(expected);
    }
    expect(index.size).toBe(300);
  });

  it('keeps a copy of inserted signatures and estimates Jaccard against them', () => {
    const index = new LshIndex(4, { bands: 2, rows: 2 });
    const signature = Uint32Array.from([1, 2, 3, 4]);
    index.insert(signature);
    signature[0] = 9;
    expect(Array.from(index.signatureAt(0))).toEqual([1, 2, 3, 4]);
    expect(index.jaccardWith(0, Uint32Array.from([1, 2, 0, 0]))).toBe(0.5);
  });

  it('refuses signatures of the wrong length and impossible banding', () => {
    const index = new LshIndex(8, { bands: 2, rows: 4 });
    expect(thrownCode(() => index.insert(new Uint32Array(4)))).toBe('SIGNATURE_MISMATCH');
    expect(thrownCode(() => new LshIndex(8, { bands: 3, rows: 3 }))).toBe('INVALID_OPTION');
  });
});
