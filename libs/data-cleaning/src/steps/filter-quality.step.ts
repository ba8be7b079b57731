import { z } from 'zod';

import { QualityHeuristics } from '../quality/quality-heuristics';
import { GOPHER_STOP_WORDS, stopWordMatcher } from '../quality/stop-word-matcher';
import {
  booleanParam,
  fractionParam,
  intParam,
  listParam,
  nonNegativeParam,
  objectParam,
  recipeMessages,
  stepObject,
  stringParam,
} from '../recipe/recipe-params';
import type { CompiledStep } from './step-contract';

// Defaults are Gopher's (Rae et al., 2021, appendix A), as NeMo Curator and Data-Juicer ship them.
// Every threshold accepts null to switch its rule off.
const maxFraction = (value: number) => fractionParam().nullable().default(value);

export const FilterQualityStepSchema = stepObject('filter-quality', {
  type: z.literal('filter-quality'),
  minWords: intParam(0).nullable().default(50),
  maxWords: intParam(0).nullable().default(100_000),
  minMeanWordLength: nonNegativeParam().nullable().default(3),
  maxMeanWordLength: nonNegativeParam().nullable().default(10),
  /** Most `#` characters, or `...`/`…` ellipses, per word. */
  maxSymbolWordRatio: nonNegativeParam().nullable().default(0.1),
  maxBulletLineFraction: maxFraction(0.9),
  maxEllipsisLineFraction: maxFraction(0.3),
  /** Least share of words containing a letter. */
  minAlphaWordFraction: maxFraction(0.8),
  /** Fewest stop words a record must contain. */
  minStopWords: intParam(0).nullable().default(2),
  stopWords: listParam(stringParam())
    .min(1, recipeMessages)
    .default([...GOPHER_STOP_WORDS]),
  /**
   * Only apply the stop-word rule to records an earlier `filter-language` step found in this language
   * (records with no detection are checked too); null applies it to every record.
   */
  stopWordsLanguage: stringParam().nullable().default('en'),
  /** Most share of non-blank lines that repeat an earlier line. */
  maxDuplicateLineFraction: maxFraction(0.3),
  /** Most share of characters in lines that repeat an earlier line. */
  maxDuplicateLineCharFraction: maxFraction(0.2),
  /** Most share of word characters taken by the most frequent n-gram, for n = 2, 3, 4. */
  maxTopNgramCharFraction: objectParam({
    '2': maxFraction(0.2),
    '3': maxFraction(0.18),
    '4': maxFraction(0.16),
  }).default({ '2': 0.2, '3': 0.18, '4': 0.16 }),
  /** Most share of word characters inside repeated n-grams, for n = 5..10. */
  maxDuplicateNgramCharFraction: objectParam({
    '5': maxFraction(0.15),
    '6': maxFraction(0.14),
    '7': maxFraction(0.13),
    '8': maxFraction(0.12),
    '9': maxFraction(0.11),
    '10': maxFraction(0.1),
  }).default({ '5': 0.15, '6': 0.14, '7': 0.13, '8': 0.12, '9': 0.11, '10': 0.1 }),
  /** Drop records failing a rule; false only scores and annotates them. */
  drop: booleanParam().default(true),
});

export type FilterQualityStep = z.output<typeof FilterQualityStepSchema>;

export function compileFilterQuality(step: FilterQualityStep): CompiledStep {
  const heuristics = new QualityHeuristics(step, stopWordMatcher(step.stopWords));
  const stopLanguage = step.stopWordsLanguage;
  return {
    apply(work) {
      const language = work.annotations.language;
      const checkStops =
        stopLanguage === null || language === undefined || language === 'und' || language === stopLanguage;
      const verdict = heuristics.evaluate(work.text(), checkStops);
      work.annotations.qualityScore = verdict.score;
      if (verdict.failed === undefined || !step.drop) return undefined;
      return { reason: `quality:${verdict.failed}`, detail: verdict.detail };
    },
  };
}
