import { z } from 'zod';

import { intParam, stepObject } from '../recipe/recipe-params';
import { countWords } from '../text/count-words';
import type { CompiledStep, DropVerdict } from './step-contract';

export const FilterLengthStepSchema = stepObject('filter-length', {
  type: z.literal('filter-length'),
  /** Fewest characters (UTF-16 code units) a record's text may have. */
  minChars: intParam(0).optional(),
  maxChars: intParam(0).optional(),
  /** Fewest whitespace-separated words. */
  minWords: intParam(0).optional(),
  maxWords: intParam(0).optional(),
  /** Fewest o200k_base tokens (GPT-4o's tokenizer); tokens are only counted when a token bound is set. */
  minTokens: intParam(0).optional(),
  maxTokens: intParam(0).optional(),
});

export type FilterLengthStep = z.output<typeof FilterLengthStepSchema>;

type TokenLimit = (text: string, limit: number) => number | false;

let withinTokenLimit: TokenLimit | undefined;

function loadTokenCounter(): TokenLimit {
  if (!withinTokenLimit) {
    // Loaded on first use: the o200k ranks take ~0.6 s and ~40 MB, and most recipes bound words instead.
    type O200k = typeof import('gpt-tokenizer/encoding/o200k_base');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const o200k = require('gpt-tokenizer/encoding/o200k_base') as O200k;
    // Special-token strings in data (`<|endoftext|>`) are counted as the plain text they are.
    const options = { disallowedSpecial: new Set<string>() };
    withinTokenLimit = (text, limit) => o200k.isWithinTokenLimit(text, limit, options);
  }
  return withinTokenLimit;
}

function bound(
  family: string,
  value: number,
  min: number | undefined,
  max: number | undefined,
  unit: string,
): DropVerdict | undefined {
  if (min !== undefined && value < min)
    return { reason: `length:min-${family}`, detail: `${value} ${unit} < ${min}` };
  if (max !== undefined && value > max)
    return { reason: `length:max-${family}`, detail: `${value} ${unit} > ${max}` };
  return undefined;
}

/** Token bounds without encoding more than needed: every token is at least one UTF-8 byte, and counting stops past the limit. */
function checkTokens(
  text: string,
  min: number | undefined,
  max: number | undefined,
): DropVerdict | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (min !== undefined && bytes < min)
    return { reason: 'length:min-tokens', detail: `${bytes} bytes < ${min} tokens` };
  if (max !== undefined && bytes <= max && min === undefined) return undefined;
  const limit = loadTokenCounter();
  if (max !== undefined) {
    const count = limit(text, max);
    if (count === false) return { reason: 'length:max-tokens', detail: `more than ${max} tokens` };
    return min !== undefined && count < min
      ? { reason: 'length:min-tokens', detail: `${count} tokens < ${min}` }
      : undefined;
  }
  if (min === undefined || min === 0) return undefined;
  const count = limit(text, min - 1);
  return count === false ? undefined : { reason: 'length:min-tokens', detail: `${count} tokens < ${min}` };
}

export function compileFilterLength(step: FilterLengthStep): CompiledStep {
  const { minChars, maxChars, minWords, maxWords, minTokens, maxTokens } = step;
  const chars = minChars !== undefined || maxChars !== undefined;
  const words = minWords !== undefined || maxWords !== undefined;
  const tokens = minTokens !== undefined || maxTokens !== undefined;
  if (tokens) loadTokenCounter();
  return {
    apply(work) {
      const text = work.text();
      return (
        (chars ? bound('chars', text.length, minChars, maxChars, 'chars') : undefined) ??
        (words ? bound('words', countWords(text), minWords, maxWords, 'words') : undefined) ??
        (tokens ? checkTokens(text, minTokens, maxTokens) : undefined)
      );
    },
  };
}
