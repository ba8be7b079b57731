import { TOXICITY_LEXICON, type ToxicityCategory } from './toxicity-lexicon';
import { normalizeText } from './words';

/** How toxic one text is. */
export interface ToxicityResult {
  /** Overall toxicity, 0 (none found) .. 1. */
  score: number;
  /** Per-category scores, 0..1; categories with nothing found are absent. */
  categories: Partial<Record<ToxicityCategory, number>>;
  /** What the lexicon matched (lower-cased); empty for classifier scorers. */
  matches: string[];
}

/** Scores many texts at once, so a classifier behind it can batch. */
export interface ToxicityScorer {
  score(texts: readonly string[]): Promise<ToxicityResult[]>;
}

/** A text (or a category within it) scoring at least this much counts as toxic in every probe. */
export const TOXICITY_THRESHOLD = 0.5;

const COMPILED = TOXICITY_LEXICON.map((term) => ({
  ...term,
  regex: new RegExp(`(?<!\\p{L})(?:${term.pattern})(?!\\p{L})`, 'gu'),
}));

// Digits and symbols standing in for letters, undone only inside words that also have letters
// (`1d10t`, `sh1t`), so numbers stay numbers.
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const LEET_WORD = /[\p{L}0-9@$]*\p{L}[\p{L}0-9@$]*/gu;

function deobfuscate(text: string): string {
  return normalizeText(text)
    .replace(LEET_WORD, (word) => word.replace(/[0-9@$]/g, (ch) => LEET[ch] ?? ch))
    .replace(/(\p{L})\1{2,}/gu, '$1'); // `stuuupid`, `fuuuck`
}

/** Combines independent signals: 1 - Π(1 - w). One strong signal dominates; several weak ones add up. */
function noisyOr(weights: Iterable<number>): number {
  let miss = 1;
  for (const weight of weights) miss *= 1 - weight;
  return 1 - miss;
}

/**
 * Scores one text against the built-in lexicon (see `toxicity-lexicon.ts`). A category's score combines
 * the weights of the distinct terms it matched (repeating a word does not raise it); the overall score
 * combines the category scores the same way.
 */
export function scoreToxicityLexicon(text: string): ToxicityResult {
  const normalized = deobfuscate(text);
  const weightsByCategory = new Map<ToxicityCategory, number[]>();
  const matches: string[] = [];
  for (const term of COMPILED) {
    term.regex.lastIndex = 0;
    const found = normalized.match(term.regex);
    if (!found) continue;
    matches.push(...new Set(found));
    const weights = weightsByCategory.get(term.category) ?? [];
    weights.push(term.weight);
    weightsByCategory.set(term.category, weights);
  }
  const categories: Partial<Record<ToxicityCategory, number>> = {};
  for (const [category, weights] of weightsByCategory) categories[category] = noisyOr(weights);
  return { score: noisyOr(Object.values(categories)), categories, matches };
}

/** The default scorer: `scoreToxicityLexicon` over each text, in process. */
export const lexiconToxicityScorer: ToxicityScorer = {
  score: (texts) => Promise.resolve(texts.map(scoreToxicityLexicon)),
};
