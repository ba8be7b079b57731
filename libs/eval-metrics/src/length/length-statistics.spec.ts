import { MetricInputError } from '../bleu/metric-input.error';
import { lengthStatistics } from './length-statistics';

describe('lengthStatistics', () => {
  it('counts words as str.split() and characters as code points', () => {
    // Word counts 2, 0, 4, 1, 0 → sorted 0 0 1 2 4: mean 1.4, p50 1, p95 3.6 (numpy.quantile), max 4.
    // Characters (Python len): 9, 0, 8 (the emoji is one code point), 1, 3.
    const stats = lengthStatistics(['hello you', '', ' a\tb\u3000c 😀', 'x', ' \n ']);
    expect(stats.count).toBe(5);
    expect(stats.meanWords).toBeCloseTo(1.4, 12);
    expect(stats.p50Words).toBe(1);
    expect(stats.p95Words).toBeCloseTo(3.6, 12);
    expect(stats.maxWords).toBe(4);
    expect(stats.meanChars).toBeCloseTo(21 / 5, 12);
    expect(stats.emptyCount).toBe(2);
  });

  it('treats Python-only separators as whitespace and \\ufeff as a letter', () => {
    expect(lengthStatistics(['a\x1cb\x85c\ufeffd']).maxWords).toBe(3);
  });

  it('refuses an empty set', () => {
    expect(() => lengthStatistics([])).toThrow(MetricInputError);
  });
});
