import { INTENSIFIERS, NEGATORS, SENTIMENT_LEXICON } from './sentiment-lexicon';
import { words } from './words';

// Maps, not the objects: a word like "constructor" must not find Object.prototype.
const VALENCE = new Map(Object.entries(SENTIMENT_LEXICON));
const SCALE = new Map(Object.entries(INTENSIFIERS));
const NEGATION_WINDOW = 3;
// "not good" reads as mildly negative, not as the opposite of good: a negated word keeps half its strength.
const NEGATION_FACTOR = -0.5;

const isNegator = (word: string) => NEGATORS.has(word) || word.endsWith("n't");

/**
 * Sentiment of a text, -1..1: the mean valence of its sentiment words (0 when it has none). A word
 * preceded within three words by a negator ("not", "never", "isn't", ...) is flipped at half strength; one
 * right after an intensifier or downtoner ("very", "slightly") is scaled. The mean, not the sum, so long
 * and short replies compare fairly.
 */
export function sentimentScore(text: string): number {
  const tokens = words(text);
  let total = 0;
  let count = 0;
  for (const [index, word] of tokens.entries()) {
    const valence = VALENCE.get(word);
    if (valence === undefined || (word === 'kind' && tokens[index + 1] === 'of')) continue;
    let value = valence * (SCALE.get(tokens[index - 1] ?? '') ?? 1);
    const window = tokens.slice(Math.max(0, index - NEGATION_WINDOW), index);
    if (window.some(isNegator)) value *= NEGATION_FACTOR;
    total += Math.max(-1, Math.min(1, value));
    count++;
  }
  return count === 0 ? 0 : total / count;
}
