// Near-duplicate detection with MinHash LSH that reproduces Python datasketch 2.0.0 bit for bit
// (signatures, LSH bands, optimal bands × rows), plus training/eval contamination checks.
// Parity fixtures: tools/dedup/generate-datasketch-fixtures.py. Benchmark: bench/dedup.
export { MinHashError, type MinHashErrorCode } from './errors/minhash-error';
export { sha1Hash32 } from './hashing/sha1-hash32';
export { shingles, tokenize } from './text/tokenize';
export { MIN_HASH_SCHEMES, type MinHashScheme } from './minhash/min-hash-scheme';
export { DEFAULT_NUM_PERM, DEFAULT_SEED, type MinHashOptions } from './minhash/min-hash-options';
export { permutationsFor, type Permutations } from './minhash/permutations';
export { MinHash } from './minhash/min-hash';
export { TextMinHasher, type TextMinHasherOptions } from './minhash/text-min-hasher';
export { jaccard } from './minhash/jaccard';
export {
  DEFAULT_LSH_WEIGHTS,
  falseNegativeProbability,
  falsePositiveProbability,
  optimalLshParams,
  type LshParams,
  type LshWeights,
} from './lsh/optimal-lsh-params';
export { LshIndex } from './lsh/lsh-index';
export { type NearDuplicateOptions, DEFAULT_DEDUP_WEIGHTS } from './dedup/near-duplicate-options';
export { NearDuplicateIndex } from './dedup/near-duplicate-index';
export {
  clusterNearDuplicates,
  NearDuplicateClusterer,
  type NearDuplicateCluster,
  type NearDuplicateClustering,
} from './dedup/cluster-near-duplicates';
export * from './contamination';
export * from './testing';
