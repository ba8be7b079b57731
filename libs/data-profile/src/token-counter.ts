import { createRequire } from 'node:module';

/** Counts tokens of a text with one tokenizer. */
export interface TokenCounter {
  /** Tokenizer name as profiles and events record it, e.g. `o200k_base`. */
  name: string;
  count(text: string): number;
}

/** The tokenizer profiles count with (GPT-4o / o-series vocabulary). */
export const DEFAULT_TOKENIZER = 'o200k_base';

type O200k = typeof import('gpt-tokenizer/encoding/o200k_base');

let loaded: O200k['countTokens'] | undefined;

/**
 * The o200k_base counter from gpt-tokenizer. Its vocabulary takes about a second and ~70 MB to load, so it
 * is loaded on the first count, not when this library is imported (summaries and schemas need no tokenizer).
 */
export function o200kTokenCounter(): TokenCounter {
  return {
    name: DEFAULT_TOKENIZER,
    count(text) {
      // A plain synchronous load: counting happens inside ProfileBuilder.add, which is synchronous.
      loaded ??= (createRequire(__filename)('gpt-tokenizer/encoding/o200k_base') as O200k).countTokens;
      return loaded(text);
    },
  };
}
