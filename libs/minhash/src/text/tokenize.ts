// The shingling contract shared with tools/dedup/generate-datasketch-fixtures.py:
//   tokens   = [t for t in re.split(r"\W+", text.lower()) if t]
//   shingles = n consecutive tokens joined by one space; 1..n-1 tokens give one shingle of all of them,
//              zero tokens give none.
// These string versions are the readable reference; TokenBuffer is the allocation-free hot path.

const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/** Lower-cased word tokens, exactly as Python's `re.split(r"\W+", text.lower())` minus empties. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD_RUN) ?? [];
}

/** The word n-gram shingles of `text`, in order, duplicates included. */
export function shingles(text: string, ngram: number): string[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  if (tokens.length < ngram) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + ngram <= tokens.length; i++) out.push(tokens.slice(i, i + ngram).join(' '));
  return out;
}
