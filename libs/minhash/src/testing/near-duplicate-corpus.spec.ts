import { generateNearDuplicateCorpus } from './near-duplicate-corpus';

describe('generateNearDuplicateCorpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateNearDuplicateCorpus({ size: 200, seed: 5 });
    expect(generateNearDuplicateCorpus({ size: 200, seed: 5 })).toEqual(a);
    expect(generateNearDuplicateCorpus({ size: 200, seed: 6 }).documents).not.toEqual(a.documents);
  });

  it('plants near-duplicates of earlier originals at about the requested rate', () => {
    const { documents, origins } = generateNearDuplicateCorpus({ size: 2000, seed: 1, duplicateRate: 0.3 });
    expect(documents).toHaveLength(2000);
    expect(new Set(documents.map((d) => d.id)).size).toBe(2000);
    const derived = origins.filter((o) => o.kind !== 'original' && o.kind !== 'overlap');
    expect(derived.length / 2000).toBeGreaterThan(0.25);
    expect(derived.length / 2000).toBeLessThan(0.35);
    origins.forEach((o, i) => {
      if (o.kind !== 'original') expect(origins[o.source]?.kind).toBe('original');
      if (o.kind !== 'original') expect(o.source).toBeLessThan(i);
    });
  });
});
