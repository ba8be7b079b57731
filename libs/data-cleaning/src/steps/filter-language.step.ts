import { z } from 'zod';

import {
  enumParam,
  fractionParam,
  intParam,
  listParam,
  stepObject,
  stringParam,
} from '../recipe/recipe-params';
import { DETECTABLE_LANGUAGES } from './detectable-languages';
import type { CompiledStep } from './step-contract';

/** The code annotated when no language could be decided (ISO 639-2 "undetermined"). */
export const UNDETERMINED_LANGUAGE = 'und';

const LanguageCodeSchema = stringParam().refine((code) => DETECTABLE_LANGUAGES.includes(code), {
  error: (issue) =>
    `"${String(issue.input)}" is not a language the detector knows (ISO 639-1 codes such as en, de, fr)`,
});

export const FilterLanguageStepSchema = stepObject('filter-language', {
  type: z.literal('filter-language'),
  /** Languages to keep (ISO 639-1). Omit to keep every language and only annotate it. */
  allowed: listParam(LanguageCodeSchema)
    .min(1, { error: 'needs at least 1 language; omit it to allow all' })
    .optional(),
  /** Texts shorter than this (characters, trimmed) are not judged: their language is `und`. */
  minChars: intParam(0).default(20),
  /** Characters from the start of the text given to the detector; detection cost grows with it. */
  sampleChars: intParam(1).default(300),
  /**
   * Below this detector score the language is `und`. tinyld's score is not a probability: it is 1 when a
   * distinctive n-gram decided, and often 0.1–0.5 for ordinary prose, so raise it with care.
   */
  minScore: fractionParam().default(0),
  /** What happens to `und` records: kept (default) or dropped as `language:und`. */
  undetermined: enumParam(['keep', 'drop']).default('keep'),
  /** Metadata key the detected language is written to; null leaves metadata alone. */
  metadataKey: stringParam().nullable().default('language'),
});

export type FilterLanguageStep = z.output<typeof FilterLanguageStepSchema>;

type DetectAll = (text: string) => { lang: string; accuracy: number }[];

let detectAll: DetectAll | undefined;

function loadDetector(): DetectAll {
  // Loaded on first use: tinyld's n-gram tables cost ~0.2 s and ~20 MB at startup.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  detectAll ??= (require('tinyld') as typeof import('tinyld')).detectAll;
  return detectAll;
}

export function compileFilterLanguage(step: FilterLanguageStep): CompiledStep {
  const detect = loadDetector();
  const allowed = step.allowed ? new Set(step.allowed) : undefined;
  return {
    apply(work) {
      const text = work.text();
      let language = UNDETERMINED_LANGUAGE;
      let score = 0;
      if (text.trim().length >= step.minChars) {
        const best = detect(text.length > step.sampleChars ? text.slice(0, step.sampleChars) : text)[0];
        if (best && best.accuracy >= step.minScore) {
          language = best.lang;
          score = Math.round(best.accuracy * 1000) / 1000;
        }
      }
      work.annotations.language = language;
      work.annotations.languageScore = score;
      if (step.metadataKey !== null) work.setMetadata(step.metadataKey, language);
      if (language === UNDETERMINED_LANGUAGE) {
        return step.undetermined === 'drop'
          ? { reason: 'language:und', detail: 'language undetermined' }
          : undefined;
      }
      if (allowed && !allowed.has(language)) {
        return { reason: `language:${language}`, detail: `${language} (score ${score}) not allowed` };
      }
      return undefined;
    },
  };
}
