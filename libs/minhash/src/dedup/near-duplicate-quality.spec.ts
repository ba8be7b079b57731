import { clusteringQuality, pairAgreement } from '../testing/clustering-quality';
import { exactGreedyClusters } from '../testing/exact-greedy-clusters';
import { exactSimilarPairs } from '../testing/exact-similar-pairs';
import { generateNearDuplicateCorpus } from '../testing/near-duplicate-corpus';
import { clusterNearDuplicates } from './cluster-near-duplicates';

// Threshold 0.8, 5-gram shingles, 128 permutations, default options (verification on, weights 0.1/0.9),
// on 3,000-document synthetic corpora whose true near-duplicate pairs are deliberately dense near the
// threshold (~40 % of them in [0.8, 0.9)). Ground truth is exact Jaccard over the same shingles.
//
// Headline definitions (see testing/clustering-quality.ts), over pairs with exact Jaccard ≥ 0.8:
//  - precision: each removed document claims "Jaccard with the kept document I was removed for ≥ 0.8";
//    precision is the share of those claims that are true;
//  - recall: the share of true pairs that do not both survive deduplication.
// The strict same-cluster pair reading is asserted too, with its ceiling: a star clustering cannot make
// every two duplicates of one kept document ≥ 0.8 to each other, so even exact Jaccard (the oracle)
// reaches only ~0.93 same-cluster precision here. Against that oracle, MinHash + LSH is ≥ 0.95 precise.
const THRESHOLD = 0.8;

describe.each([1, 2])('near-duplicate quality on a synthetic corpus (seed %i)', (seed) => {
  const { documents } = generateNearDuplicateCorpus({ size: 3000, seed });
  const ids = documents.map((d) => d.id);
  const pairs = exactSimilarPairs(
    documents.map((d) => d.text),
    5,
    THRESHOLD,
  );
  const { clusters } = clusterNearDuplicates(documents, { threshold: THRESHOLD, numPerm: 128, ngram: 5 });
  const quality = clusteringQuality(ids, clusters, pairs, THRESHOLD);

  it('has a few hundred true near-duplicate pairs to judge by', () => {
    expect(quality.truePairs).toBeGreaterThan(500);
  });

  it('removes documents correctly (precision ≥ 0.95) and leaves few near-duplicate pairs (recall ≥ 0.95)', () => {
    expect(quality.keptEdgePrecision).toBeGreaterThanOrEqual(0.95);
    expect(quality.eliminationRecall).toBeGreaterThanOrEqual(0.95);
  });

  it('puts ≥ 95 % of true pairs in one cluster; same-cluster precision is within 0.05 of exact Jaccard’s', () => {
    const oracle = clusteringQuality(ids, exactGreedyClusters(ids, pairs, THRESHOLD), pairs, THRESHOLD);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    expect(quality.precision).toBeGreaterThanOrEqual(oracle.precision - 0.05);
    expect(oracle.precision).toBeLessThan(0.96); // the star-clustering ceiling described above
  });

  it('agrees with exact-Jaccard clustering on ≥ 95 % of its same-cluster pairs', () => {
    const agreement = pairAgreement(exactGreedyClusters(ids, pairs, THRESHOLD), clusters);
    expect(agreement.precision).toBeGreaterThanOrEqual(0.95);
    expect(agreement.recall).toBeGreaterThanOrEqual(0.93);
  });
});
