import { thrownCode } from '../testing/thrown-code';
import { decodeHashvalues, type SignaturesFixture } from '../testing/signatures-fixture';
import { loadFixture } from '../testing/load-fixture';
import { shingles } from '../text/tokenize';
import { sha1Hash32 } from '../hashing/sha1-hash32';
import { MinHash } from './min-hash';
import { permutationsFor } from './permutations';
import { EMPTY_HASH_VALUE, permuteMinIntoJs } from './permute-min';
import { TextMinHasher } from './text-min-hasher';

const fixture = loadFixture('signatures.json') as SignaturesFixture;
const cases = fixture.documents.flatMap((doc) =>
  doc.signatures.map(
    (sig) => [`${doc.name} ngram=${sig.ngram} ${sig.scheme}/${sig.numPerm}`, doc, sig] as const,
  ),
);

describe('signatures equal datasketch 2.0.0 hashvalues', () => {
  it.each(cases)('%s (TextMinHasher)', (_name, doc, sig) => {
    const hasher = new TextMinHasher({
      numPerm: sig.numPerm,
      seed: fixture.seed,
      scheme: sig.scheme,
      ngram: sig.ngram,
    });
    expect(Array.from(hasher.signature(doc.text))).toEqual(decodeHashvalues(sig.hashvaluesB64));
    expect(new Set(shingles(doc.text, sig.ngram)).size).toBe(sig.shingles);
  });

  it.each(cases)('%s (MinHash.updateBatch over the shingle strings)', (_name, doc, sig) => {
    const m = new MinHash({ numPerm: sig.numPerm, seed: fixture.seed, scheme: sig.scheme });
    m.updateBatch(new Set(shingles(doc.text, sig.ngram)));
    expect(Array.from(m.hashvalues)).toEqual(decodeHashvalues(sig.hashvaluesB64));
  });

  it.each(cases)('%s (JS fallback, no SIMD kernel)', (_name, doc, sig) => {
    const out = new Uint32Array(sig.numPerm).fill(EMPTY_HASH_VALUE);
    const hashes = Uint32Array.from(new Set(shingles(doc.text, sig.ngram)), (s) => sha1Hash32(s));
    permuteMinIntoJs(permutationsFor(sig.numPerm, fixture.seed, sig.scheme), hashes, hashes.length, out);
    expect(Array.from(out)).toEqual(decodeHashvalues(sig.hashvaluesB64));
  });

  it.each(fixture.jaccard.map((j) => [`${j.a} ~ ${j.b} ${j.scheme}`, j] as const))(
    'jaccard %s',
    (_name, j) => {
      const docs = new Map(fixture.documents.map((d) => [d.name, d.text]));
      const signature = (name: string): MinHash => {
        const m = new MinHash({ numPerm: j.numPerm, seed: fixture.seed, scheme: j.scheme });
        for (const s of new Set(shingles(docs.get(name)!, j.ngram))) m.update(s);
        return m;
      };
      expect(signature(j.a).jaccard(signature(j.b))).toBe(j.jaccard);
    },
  );

  it('refuses to compare MinHashes made with different parameters', () => {
    const a = new MinHash({ numPerm: 16 });
    expect(thrownCode(() => a.jaccard(new MinHash({ numPerm: 16, scheme: 'legacy' })))).toBe(
      'SIGNATURE_MISMATCH',
    );
    expect(thrownCode(() => a.jaccard(new MinHash({ numPerm: 32 })))).toBe('SIGNATURE_MISMATCH');
  });

  it('treats duplicate shingles as one, and starts empty', () => {
    const a = new MinHash({ numPerm: 32 });
    expect(a.isEmpty()).toBe(true);
    a.updateBatch(['x y', 'x y', 'z']);
    const b = new MinHash({ numPerm: 32 });
    b.updateBatch(['z', 'x y']);
    expect(a.isEmpty()).toBe(false);
    expect(a.jaccard(b)).toBe(1);
  });
});
