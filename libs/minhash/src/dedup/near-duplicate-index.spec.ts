import { thrownCode } from '../testing/thrown-code';
import { generateNearDuplicateCorpus } from '../testing/near-duplicate-corpus';
import { NearDuplicateIndex } from './near-duplicate-index';

const { documents } = generateNearDuplicateCorpus({ size: 50, seed: 3, duplicateRate: 0, overlapRate: 0 });
const text = (i: number): string => documents[i]!.text;

describe('NearDuplicateIndex', () => {
  it('returns the kept document a later near-duplicate matches, and null for new documents', () => {
    const index = new NearDuplicateIndex({ threshold: 0.8, numPerm: 128, ngram: 5 });
    expect(index.add('a', text(0))).toBeNull();
    expect(index.add('b', text(1))).toBeNull();
    // Case, punctuation and spacing do not change the shingles.
    expect(index.add('a-copy', `  ${text(0).toUpperCase().replace(/ /g, ' ... ')}`)).toBe('a');
    expect(index.add('b-tail', `${text(1)} and one more clause at the end`)).toBe('b');
    expect(index.keptCount).toBe(2);
  });

  it('points duplicates at kept documents only, so no chains form', () => {
    const index = new NearDuplicateIndex({ threshold: 0.8 });
    index.add('a', text(2));
    expect(index.add('a2', text(2))).toBe('a');
    expect(index.add('a3', text(2))).toBe('a');
  });

  it('picks the kept document with the highest estimated Jaccard', () => {
    const base = text(4);
    const index = new NearDuplicateIndex({ threshold: 0.5, ngram: 3 });
    index.add('far', `${base} ${text(5)}`);
    index.add('near', `${base} extra words here`);
    expect(index.add('query', base)).toBe('near');
  });

  it('never matches documents without tokens and keeps them', () => {
    const index = new NearDuplicateIndex({ threshold: 0.8 });
    expect(index.add('e1', '')).toBeNull();
    expect(index.add('e2', ' ... ')).toBeNull();
    expect(index.keptCount).toBe(0);
    expect(index.match('')).toBeNull();
  });

  it('answers match() without keeping the document', () => {
    const index = new NearDuplicateIndex({ threshold: 0.8 });
    index.add('a', text(6));
    expect(index.match(text(6))).toEqual({ id: 'a', jaccard: 1 });
    expect(index.match(text(7))).toBeNull();
    expect(index.keptCount).toBe(1);
  });

  it('without verification, reports any LSH candidate', () => {
    const params = { bands: 64, rows: 2 }; // very permissive banding
    const loose = new NearDuplicateIndex({ threshold: 0.9, params, verify: false, ngram: 1 });
    const strict = new NearDuplicateIndex({ threshold: 0.9, params, ngram: 1 });
    for (const index of [loose, strict]) index.add('a', 'alpha beta gamma delta epsilon zeta eta theta');
    const similar = 'alpha beta gamma delta epsilon zeta iota kappa';
    expect(loose.add('b', similar)).toBe('a');
    expect(strict.add('b', similar)).toBeNull();
  });

  it('uses datasketch’s optimal banding for the chosen weights, or fixed params', () => {
    expect(new NearDuplicateIndex({ threshold: 0.8, weights: [0.5, 0.5] }).params).toEqual({
      bands: 9,
      rows: 13,
    });
    expect(new NearDuplicateIndex({ threshold: 0.8 }).params).toEqual({ bands: 14, rows: 9 });
    expect(new NearDuplicateIndex({ threshold: 0.8, params: { bands: 16, rows: 8 } }).params).toEqual({
      bands: 16,
      rows: 8,
    });
    expect(thrownCode(() => new NearDuplicateIndex({ threshold: 1.5 }))).toBe('INVALID_OPTION');
  });
});
