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

describe('NgramRepetition', () => {
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
