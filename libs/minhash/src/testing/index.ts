// Test and benchmark helpers (pure, seeded): a synthetic near-duplicate corpus and exact ground truth.
export {
  generateNearDuplicateCorpus,
  type CorpusDocument,
  type DocumentOrigin,
  type NearDuplicateCorpus,
  type NearDuplicateCorpusOptions,
} from './near-duplicate-corpus';
export { exactSimilarPairs, type SimilarPair } from './exact-similar-pairs';
export { clusteringQuality, pairAgreement, type ClusteringQuality } from './clustering-quality';
export { exactGreedyClusters } from './exact-greedy-clusters';
export { seededRandom } from './seeded-random';
