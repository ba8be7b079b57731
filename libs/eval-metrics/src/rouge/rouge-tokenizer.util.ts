import { porterStem } from './porter-stemmer.util';

const NON_ALPHANUMERIC = /[^a-z0-9]+/;

/**
 * Tokenizes exactly as rouge-score's DefaultTokenizer: lowercase, every run of characters outside
 * [a-z0-9] becomes a separator (so accented and CJK letters vanish), and with the stemmer only
 * tokens longer than 3 characters are stemmed.
 */
export function tokenizeRouge(text: string, useStemmer = false): string[] {
  const tokens: string[] = [];
  for (const raw of text.toLowerCase().split(NON_ALPHANUMERIC)) {
    if (raw.length === 0) continue;
    tokens.push(useStemmer && raw.length > 3 ? porterStem(raw) : raw);
  }
  return tokens;
}
