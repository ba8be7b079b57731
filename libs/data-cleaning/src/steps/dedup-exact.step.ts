import { z } from 'zod';

import { dedupDigest } from '../dedup/dedup-digest';
import { DigestSet } from '../dedup/digest-set';
import { booleanParam, stepObject } from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

export const DedupExactStepSchema = stepObject('dedup-exact', {
  type: z.literal('dedup-exact'),
  /** Fold compatibility characters (NFKC) before comparing. */
  nfkc: booleanParam().default(true),
  lowercase: booleanParam().default(true),
  /** Ignore punctuation (`\p{P}`). */
  stripPunctuation: booleanParam().default(true),
  /** Treat any run of whitespace as one space and ignore leading/trailing whitespace. */
  collapseWhitespace: booleanParam().default(true),
});

export type DedupExactStep = z.output<typeof DedupExactStepSchema>;

/**
 * Keeps the first record of each normalised text. Only a 128-bit digest of each kept text is stored
 * (`DigestSet`, ~16-45 bytes a record). A record is remembered when the whole pipeline keeps it
 * (`commit`), so a later step dropping it does not make its copies look like duplicates of nothing.
 */
export function compileDedupExact(step: DedupExactStep): CompiledStep {
  const seen = new DigestSet();
  const digest = new Int32Array(4);
  let pending = false;
  return {
    apply(work) {
      dedupDigest(work.text(), step, digest);
      pending = !seen.has(digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0, digest[3] ?? 0);
      return pending
        ? undefined
        : { reason: 'dedup:exact', detail: 'same normalised text as an earlier kept record' };
    },
    commit() {
      if (pending) seen.add(digest[0] ?? 0, digest[1] ?? 0, digest[2] ?? 0, digest[3] ?? 0);
      pending = false;
    },
  };
}
