import { NgramRepetition } from './ngram-repetition';
import { TextScanner } from './text-scanner';

function words(text: string): TextScanner {
  const scanner = new TextScanner();
  scanner.scan(text, undefined);
  return scanner;
}

function measure(text: string, maxTop = 4, from = 5, to = 10) {
  const top = new Float64Array(11);
  const duplicate = new Float64Array(11);
  new NgramRepetition().measure(words(text), maxTop, from, to, top, duplicate);
  return { top, duplicate };
}

/** The measures by their definition, on n-gram strings: what the hashed, candidate-pruned code must equal. */
function reference(text: string, maxTop: number, from: number, to: number) {
  const tokens = text.split(/\s+/).filter(Boolean);
  const chars = tokens.reduce((n, t) => n + t.length, 0);
  const top = new Array<number>(11).fill(0);
  const duplicate = new Array<number>(11).fill(0);
  if (chars === 0 || tokens.length < 2) return { top, duplicate };
  const gram = (i: number, n: number) => tokens.slice(i, i + n).join(' ');
  const gramChars = (i: number, n: number) => tokens.slice(i, i + n).reduce((k, t) => k + t.length, 0);
  for (let n = 2; n <= maxTop; n++) {
    const counts = new Map<string, number>();
    let best = 1;
    let bestAt = -1;
    for (let i = 0; i + n <= tokens.length; i++) {
      const count = (counts.get(gram(i, n)) ?? 0) + 1;
      counts.set(gram(i, n), count);
      if (count > best) {
        best = count;
        bestAt = i;
      }
    }
    if (bestAt >= 0) top[n] = (best * gramChars(bestAt, n)) / chars;
  }
  for (let n = from; n <= to && n >= 2; n++) {
    const seen = new Set<string>();
    const covered = new Set<number>();
    for (let i = 0; i + n <= tokens.length; i++) {
      if (!seen.has(gram(i, n))) seen.add(gram(i, n));
      else for (let j = i; j < i + n; j++) covered.add(j);
    }
    duplicate[n] = [...covered].reduce((k, j) => k + (tokens[j]?.length ?? 0), 0) / chars;
  }
  return { top, duplicate };
}

describe('NgramRepetition', () => {
  it('equals the measures computed on n-gram strings, for random repetitive texts and any sizes', () => {
    let state = 7;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = ['a', 'bb', 'ccc', 'a.', 'dd', 'eeee'];
    const sizes: [number, number, number][] = [
      [4, 5, 10],
      [2, 6, 7],
      [4, 3, 6],
      [0, 5, 10],
      [3, 2, 1],
    ];
    for (let doc = 0; doc < 400; doc++) {
      const words = Array.from({ length: Math.floor(random() * 60) }, () => {
        const pool = 2 + Math.floor(random() * (vocabulary.length - 1));
        return vocabulary[Math.floor(random() * pool)] ?? 'a';
      });
      const text = words.join(random() < 0.5 ? ' ' : '\n ');
      for (const [maxTop, from, to] of sizes) {
        const got = measure(text, maxTop, from, to);
        const want = reference(text, maxTop, from, to);
        for (let n = 0; n <= 10; n++) {
          expect(got.top[n]).toBeCloseTo(want.top[n] ?? 0, 12);
          expect(got.duplicate[n]).toBeCloseTo(want.duplicate[n] ?? 0, 12);
        }
      }
    }
  });

  it('gives the character share of the most frequent n-gram', () => {
    // "ab cd" occurs 3 times: 3 * 4 chars over 14 word chars; "ab cd ab" twice: 2 * 6 / 14.
    const { top } = measure('ab cd ab cd ab cd ef');
    expect(top[2]).toBeCloseTo(12 / 14);
    expect(top[3]).toBeCloseTo(12 / 14);
    expect(top[4]).toBeCloseTo(16 / 14);
  });

  it('is 0 when no n-gram repeats, and for texts too short to have n-grams', () => {
    expect([...measure('one two three four five').top]).toEqual(new Array(11).fill(0));
    expect([...measure('one').top]).toEqual(new Array(11).fill(0));
  });

  it('covers the characters of repeated n-grams after their first occurrence', () => {
    const sentence = 'the quick brown fox jumps over the lazy dog';
    const scanned = words(`${sentence} and then ${sentence}`);
    const { duplicate } = measure(`${sentence} and then ${sentence}`);
    const second = sentence.replace(/ /g, '').length;
    for (let n = 5; n <= 9; n++) expect(duplicate[n]).toBeCloseTo(second / scanned.chars);
    // Nine words repeat, so no 10-gram does.
    expect(duplicate[10]).toBe(0);
  });

  it('finds nothing in text without repeats, and counts overlapping repeats once', () => {
    expect([...measure('a b c d e f g h i j k l m n o p').duplicate]).toEqual(new Array(11).fill(0));
    // "x x x x x x x" has the 5-gram "x x x x x" at positions 0, 1, 2: positions 1 and 2 repeat it,
    // covering words 1..6 (six of seven).
    const { duplicate } = measure('x x x x x x x');
    expect(duplicate[5]).toBeCloseTo(6 / 7);
    expect(duplicate[7]).toBe(0);
  });

  it('computes only the sizes asked for', () => {
    const { top, duplicate } = measure('ab cd ab cd ab cd ab cd ab cd ab cd', 2, 6, 7);
    expect(top[2]).toBeGreaterThan(0);
    expect(top[3]).toBe(0);
    expect(duplicate[5]).toBe(0);
    expect(duplicate[6]).toBeGreaterThan(0);
    expect(duplicate[8]).toBe(0);
  });
});
