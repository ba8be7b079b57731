import { seededRandom } from './adaptive-sampler';
import { HeavyHitters } from './heavy-hitters';
import { NgramHeavyHitters } from './ngram-heavy-hitters';
import { countNgrams, forEachNgram, wordsOf } from './word-ngrams';

describe('NgramHeavyHitters', () => {
  it('counts the n-grams forEachNgram emits exactly as HeavyHitters counts their strings, across prunes', () => {
    const random = seededRandom(9);
    const vocabulary = Array.from({ length: 3000 }, (_, i) =>
      i < 40 ? ['the', 'of', 'and'][i % 3]! : `w${i}`,
    );
    const hashed = {
      1: new NgramHeavyHitters(50),
      2: new NgramHeavyHitters(50),
      3: new NgramHeavyHitters(50),
    };
    const strings = { 1: new HeavyHitters(50), 2: new HeavyHitters(50), 3: new HeavyHitters(50) };
    for (let doc = 0; doc < 300; doc++) {
      const text = Array.from(
        { length: 20 + Math.floor(random() * 200) },
        () => vocabulary[Math.floor(1 / (random() + 1 / vocabulary.length)) - 1] ?? 'x',
      ).join(doc % 2 === 0 ? ' ' : '\n');
      const weight = 1 + (doc % 4) / 2;
      countNgrams(wordsOf(text), weight, hashed);
      forEachNgram(wordsOf(text), (n, ngram) => {
        strings[n].add(ngram, weight);
      });
    }
    for (const n of [1, 2, 3] as const) {
      expect(hashed[n].approximate).toBe(true);
      expect(hashed[n].total).toBe(strings[n].total);
      expect(hashed[n].top(20)).toEqual(strings[n].top(20));
    }
  });
});
