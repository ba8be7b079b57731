import { z } from 'zod';

import type { NearDuplicateDetectorFactory } from '../dedup/near-duplicate-detector';
import { fractionParam, intParam, stepObject } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

export const DedupNearStepSchema = stepObject('dedup-near', {
  type: z.literal('dedup-near'),
  /** Estimated Jaccard similarity at or above which a record duplicates an earlier kept one. */
  threshold: fractionParam().default(0.8),
  /** MinHash permutations: more is more precise and slower. */
  numPerm: intParam(1).default(128),
  /** Shingle size in words. */
  ngram: intParam(1).default(5),
});

export type DedupNearStep = z.output<typeof DedupNearStepSchema>;

/** Drops records the injected detector finds near-duplicate of an earlier kept record (`dedup:near`). */
export function compileDedupNear(step: DedupNearStep, factory: NearDuplicateDetectorFactory): CompiledStep {
  const detector = factory({ threshold: step.threshold, numPerm: step.numPerm, ngram: step.ngram });
  return {
    apply(work) {
      const original = detector.add(work.record.id, work.text());
      if (original === null) return undefined;
      work.annotations.duplicateOf = original;
      return { reason: 'dedup:near', detail: `near-duplicate of ${original}` };
    },
  };
}
