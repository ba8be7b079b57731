/**
 * Finds near-duplicates among the texts it is given (MinHash + LSH in practice). Injected into
 * `compileRecipe` so this library does not depend on any one implementation.
 */
export interface NearDuplicateDetector {
  /**
   * Indexes a text and returns the id of an earlier indexed text it near-duplicates (that earlier one is
   * kept), or null when it is new. Recipes must place `dedup-near` after every step that can drop a
   * record, so what gets indexed is what the pipeline keeps.
   */
  add(id: string, text: string): string | null;
}

/** Parameters of the `dedup-near` step, handed to the factory. */
export interface NearDuplicateParams {
  /** Estimated Jaccard similarity at or above which two texts are duplicates. */
  threshold: number;
  /** Number of MinHash permutations. */
  numPerm: number;
  /** Shingle size in words. */
  ngram: number;
}

/** Builds a detector for one pipeline (one per `dedup-near` step). */
export type NearDuplicateDetectorFactory = (params: NearDuplicateParams) => NearDuplicateDetector;
