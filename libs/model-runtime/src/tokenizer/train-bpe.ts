import { FIRST_MERGE_ID } from './special-tokens';
import { pretokenize } from './pretokenize';

/** A learned merge: the token pair it joins; the new token's id is FIRST_MERGE_ID + its index. */
export type BpeMerge = readonly [left: number, right: number];

interface Word {
  ids: number[];
  count: number;
}

/** Pair keys fit one number because ids stay below 2^16. */
const PAIR_BASE = 65536;

/**
 * Byte-level BPE training: starting from bytes, repeatedly join the most frequent adjacent pair within a
 * chunk until the vocabulary has `vocabSize` tokens (bytes and specials included) or no pair occurs twice.
 * Ties go to the smallest pair key, so the merges depend only on the texts. Counts are updated only for
 * the words a merge touches, which keeps training to a few hundred milliseconds on the demo corpus.
 */
export function trainBpe(texts: Iterable<string>, vocabSize: number): BpeMerge[] {
  const words = countWords(texts);
  const pairCounts = new Map<number, number>();
  const pairWords = new Map<number, Set<number>>();
  words.forEach((word, index) => {
    addPairs(word, index, pairCounts, pairWords);
  });

  const merges: BpeMerge[] = [];
  while (FIRST_MERGE_ID + merges.length < vocabSize) {
    const best = mostFrequentPair(pairCounts);
    if (best === null) break;
    const left = Math.floor(best / PAIR_BASE);
    const right = best % PAIR_BASE;
    const newId = FIRST_MERGE_ID + merges.length;
    merges.push([left, right]);
    const touched = [...(pairWords.get(best) ?? [])];
    for (const index of touched) {
      const word = words[index];
      if (word === undefined) continue;
      removePairs(word, pairCounts);
      word.ids = mergePair(word.ids, left, right, newId);
      addPairs(word, index, pairCounts, pairWords);
    }
    pairWords.delete(best);
  }
  return merges;
}

/** Joins every non-overlapping occurrence of (left, right), left to right. */
export function mergePair(ids: readonly number[], left: number, right: number, newId: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === left && ids[i + 1] === right) {
      out.push(newId);
      i++;
    } else {
      out.push(ids[i] ?? 0);
    }
  }
  return out;
}

function countWords(texts: Iterable<string>): Word[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const chunk of pretokenize(text)) counts.set(chunk, (counts.get(chunk) ?? 0) + 1);
  }
  const encoder = new TextEncoder();
  const words: Word[] = [];
  for (const [chunk, count] of counts) {
    const bytes = encoder.encode(chunk);
    if (bytes.length > 1) words.push({ ids: Array.from(bytes), count });
  }
  return words;
}

function addPairs(
  word: Word,
  index: number,
  pairCounts: Map<number, number>,
  pairWords: Map<number, Set<number>>,
): void {
  for (let i = 0; i + 1 < word.ids.length; i++) {
    const key = (word.ids[i] ?? 0) * PAIR_BASE + (word.ids[i + 1] ?? 0);
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + word.count);
    let holders = pairWords.get(key);
    if (holders === undefined) {
      holders = new Set();
      pairWords.set(key, holders);
    }
    holders.add(index);
  }
}

/** Stale entries in pairWords are harmless: a word without the pair is left unchanged by mergePair. */
function removePairs(word: Word, pairCounts: Map<number, number>): void {
  for (let i = 0; i + 1 < word.ids.length; i++) {
    const key = (word.ids[i] ?? 0) * PAIR_BASE + (word.ids[i + 1] ?? 0);
    const remaining = (pairCounts.get(key) ?? 0) - word.count;
    if (remaining > 0) pairCounts.set(key, remaining);
    else pairCounts.delete(key);
  }
}

function mostFrequentPair(pairCounts: Map<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 1; // a pair seen once is not worth a token
  for (const [key, count] of pairCounts) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
