// A seeded synthetic corpus with planted near-duplicates, for the specs and bench/dedup. Originals are
// Zipf-distributed pseudo-words with punctuation and casing; near-duplicates are edited copies of an
// earlier original; "overlaps" share a contiguous part of an original (similar, but not near-dups).
// The ground truth is never taken from this plan: exact Jaccard over the real shingles decides.
import { seededRandom } from './seeded-random';

export interface CorpusDocument {
  id: string;
  text: string;
}

export interface NearDuplicateCorpusOptions {
  /** Number of documents. */
  size: number;
  seed?: number;
  /** Share of documents that are edited copies of an earlier original (default 0.3). */
  duplicateRate?: number;
  /** Share of documents that reuse 30–60 % of an earlier original (default 0.05). */
  overlapRate?: number;
  /** Mean words per original (default 80; lengths run from 15 to ~4× the mean). */
  meanWords?: number;
  /** Vocabulary size (default 20,000). */
  vocabulary?: number;
}

/** How a document was made: 'original', or derived from `source` (a document index). */
export type DocumentOrigin =
  | { kind: 'original' }
  | { kind: 'format-copy' | 'light-edit' | 'heavy-edit' | 'overlap'; source: number; edits: number };

export interface NearDuplicateCorpus {
  documents: CorpusDocument[];
  origins: DocumentOrigin[];
}

type Random = () => number;

const SYLLABLES =
  'ka ri to na me lo su vi de pa ne ro ta li mo se fa ku zi be da go hu ja ke la mi no pe ra si tu va wo xe yo ze ab el in or un'.split(
    ' ',
  );
const PUNCTUATION = [',', ',', ',', ';', ':', ' -', '.'];

function makeVocabulary(random: Random, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
    let w = '';
    for (let s = 0; s < syllables; s++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '';
    words.add(w);
  }
  return [...words];
}

/** Zipf(s≈1) sampling through a precomputed cumulative table. */
function zipfSampler(random: Random, n: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1.5);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * Generates the corpus. Deterministic for a given options object: the benchmark writes it once and
 * both implementations read the same file.
 */
export function generateNearDuplicateCorpus(options: NearDuplicateCorpusOptions): NearDuplicateCorpus {
  const random = seededRandom(options.seed ?? 42);
  const vocabulary = makeVocabulary(random, options.vocabulary ?? 20_000);
  const nextWord = zipfSampler(random, vocabulary.length);
  const word = (): string => vocabulary[nextWord()] ?? 'x';
  const meanWords = options.meanWords ?? 80;
  const duplicateRate = options.duplicateRate ?? 0.3;
  const overlapRate = options.overlapRate ?? 0.05;

  const words = (count: number): string[] => Array.from({ length: count }, word);
  // Log-normal-ish length: most documents near the mean, a long tail of long ones.
  const length = (): number => {
    const z = (random() + random() + random() - 1.5) * 2;
    return Math.max(15, Math.round(meanWords * Math.exp(0.5 * z - 0.125)));
  };

  const documents: CorpusDocument[] = [];
  const origins: DocumentOrigin[] = [];
  const tokens: string[][] = [];
  const originals: number[] = [];
  for (let i = 0; i < options.size; i++) {
    const r = random();
    let doc: string[];
    let origin: DocumentOrigin;
    if (originals.length > 0 && r < duplicateRate) {
      const source = originals[Math.floor(random() * originals.length)] ?? 0;
      const base = tokens[source] ?? [];
      const mode = random();
      if (mode < 0.3) {
        doc = base.slice();
        origin = { kind: 'format-copy', source, edits: 0 };
      } else if (mode < 0.85) {
        const edits = 1 + Math.floor(random() * Math.max(1, base.length / 100));
        doc = edit(random, base, edits, word);
        origin = { kind: 'light-edit', source, edits };
      } else {
        const edits = Math.max(2, Math.round(base.length * (0.02 + random() * 0.03)));
        doc = edit(random, base, edits, word);
        origin = { kind: 'heavy-edit', source, edits };
      }
    } else if (originals.length > 0 && r < duplicateRate + overlapRate) {
      const source = originals[Math.floor(random() * originals.length)] ?? 0;
      const base = tokens[source] ?? [];
      const keep = Math.max(5, Math.round(base.length * (0.3 + random() * 0.3)));
      const from = Math.floor(random() * (base.length - keep + 1));
      doc = [
        ...words(Math.round((base.length - keep) / 2)),
        ...base.slice(from, from + keep),
        ...words(Math.round((base.length - keep) / 2)),
      ];
      origin = { kind: 'overlap', source, edits: base.length - keep };
    } else {
      doc = words(length());
      origin = { kind: 'original' };
      originals.push(i);
    }
    tokens.push(doc);
    origins.push(origin);
    documents.push({ id: `doc-${String(i).padStart(7, '0')}`, text: render(random, doc) });
  }
  return { documents, origins };
}

/** `count` random word substitutions, insertions and deletions. */
function edit(random: Random, base: readonly string[], count: number, word: () => string): string[] {
  const out = base.slice();
  for (let e = 0; e < count && out.length > 1; e++) {
    const at = Math.floor(random() * out.length);
    const op = random();
    if (op < 0.5) out[at] = word();
    else if (op < 0.75) out.splice(at, 0, word());
    else out.splice(at, 1);
  }
  return out;
}

/** Words → text with sentence casing, punctuation and odd spacing (none of which changes the tokens). */
function render(random: Random, words: readonly string[]): string {
  let text = '';
  let sentenceStart = true;
  for (const w of words) {
    const shaped = sentenceStart
      ? w.charAt(0).toUpperCase() + w.slice(1)
      : random() < 0.02
        ? w.toUpperCase()
        : w;
    text += (text === '' ? '' : random() < 0.03 ? '  ' : ' ') + shaped;
    sentenceStart = false;
    if (random() < 0.08) {
      const p = PUNCTUATION[Math.floor(random() * PUNCTUATION.length)] ?? '.';
      text += p;
      sentenceStart = p === '.';
    }
  }
  return `${text}.`;
}
