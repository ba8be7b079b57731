import type { SymbolInterner } from '../ngram/symbol-interner';
import { TokenSpans } from '../ngram/token-spans';
import { porterStem } from './porter-stemmer.util';

const isAlphanumeric = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** The [a-z0-9]+ runs of the lowercased text: rouge-score turns everything else into separators. */
function rougeSpans(text: string, spans: TokenSpans): void {
  const lower = text.toLowerCase();
  spans.line = lower;
  spans.count = 0;
  let start = -1;
  for (let k = 0; k < lower.length; k++) {
    if (isAlphanumeric(lower.charCodeAt(k))) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      spans.push(start, k);
      start = -1;
    }
  }
  if (start >= 0) spans.push(start, lower.length);
}

const scratch = new TokenSpans();

/**
 * Tokenizes exactly as rouge-score's DefaultTokenizer: lowercase, every run of characters outside
 * [a-z0-9] becomes a separator (so accented and CJK letters vanish), and with the stemmer only
 * tokens longer than 3 characters are stemmed.
 */
export function tokenizeRouge(text: string, useStemmer = false): string[] {
  rougeSpans(text, scratch);
  const tokens: string[] = [];
  for (let i = 0; i < scratch.count; i++) {
    const token = scratch.line.slice(scratch.starts[i], scratch.ends[i]);
    tokens.push(useStemmer && token.length > 3 ? porterStem(token) : token);
  }
  return tokens;
}

/** `tokenizeRouge(text, useStemmer)` appended to `sink` as word symbols, without a substring per token. */
export function appendRougeTokens(text: string, useStemmer: boolean, sink: SymbolInterner): void {
  rougeSpans(text, scratch);
  const { line, starts, ends } = scratch;
  for (let i = 0; i < scratch.count; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (useStemmer && end - start > 3) sink.appendWord(porterStem(line.slice(start, end)));
    else sink.appendSlice(line, start, end);
  }
}
