import { MetricInputError } from '../bleu/metric-input.error';
import { bleuResamplable } from './bleu-resamplable';
import { chrfResamplable } from './chrf-resamplable';
import { meanResamplable } from './mean-resamplable';
import { pairedBootstrap } from './paired-bootstrap';
import type { ResamplableMetric } from './resamplable-metric';
import { mulberry32 } from './seeded-random';

/** A small corpus: references, a near-copy system and a system that drops and scrambles words. */
function corpus(size: number): { refs: string[]; good: string[]; poor: string[] } {
  const next = mulberry32(7);
  const words = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'dog', 'ran', 'to', 'house', 'red', 'big', 'old'];
  const pick = (): string => words[next() % words.length] ?? 'the';
  const refs: string[] = [];
  const good: string[] = [];
  const poor: string[] = [];
  for (let i = 0; i < size; i++) {
    const tokens = Array.from({ length: 8 + (next() % 10) }, pick);
    refs.push(`${tokens.join(' ')} .`);
    good.push(`${tokens.map((t, j) => (j === 3 ? pick() : t)).join(' ')} .`);
    poor.push(
      tokens
        .filter((_, j) => j % 3 !== 0)
        .reverse()
        .join(' '),
    );
  }
  return { refs, good, poor };
}

describe('pairedBootstrap', () => {
  const { refs, good, poor } = corpus(200);

  it('finds no difference between identical systems', () => {
    const a = bleuResamplable(good, [refs]);
    const b = bleuResamplable(good, [refs]);
    const result = pairedBootstrap(a, b, { resamples: 200 });
    expect(result.difference).toBe(0);
    expect(result.ciLow).toBe(0);
    expect(result.ciHigh).toBe(0);
    expect(result.verdict).toBe('no-significant-difference');
    expect(result).toMatchObject({ resamples: 200, seed: 12345, confidenceLevel: 0.95 });
  });

  it('calls a clearly better system better, and the comparison the other way worse', () => {
    const better = pairedBootstrap(bleuResamplable(good, [refs]), bleuResamplable(poor, [refs]));
    expect(better.candidate).toBeGreaterThan(better.champion);
    expect(better.difference).toBeCloseTo(better.candidate - better.champion, 12);
    expect(better.ciLow).toBeGreaterThan(0);
    expect(better.ciLow).toBeLessThanOrEqual(better.ciHigh);
    expect(better.verdict).toBe('better');
    const worse = pairedBootstrap(chrfResamplable(poor, [refs]), chrfResamplable(good, [refs]));
    expect(worse.ciHigh).toBeLessThan(0);
    expect(worse.verdict).toBe('worse');
  });

  it('mirrors the verdict when lower is better', () => {
    const lowErrors = meanResamplable(good.map((_, i) => (i % 10 === 0 ? 1 : 0)));
    const highErrors = meanResamplable(good.map((_, i) => (i % 2 === 0 ? 1 : 0)));
    expect(pairedBootstrap(lowErrors, highErrors, { higherIsBetter: false }).verdict).toBe('better');
    expect(pairedBootstrap(highErrors, lowErrors, { higherIsBetter: false }).verdict).toBe('worse');
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) =>
      pairedBootstrap(
        meanResamplable(good.map((s) => s.length % 7)),
        meanResamplable(good.map((s) => s.length % 5)),
        {
          seed,
          resamples: 300,
        },
      );
    expect(run(1)).toEqual(run(1));
    expect(run(1).ciLow).not.toBe(run(2).ciLow);
  });

  it('takes the percentile interval of the per-resample differences', () => {
    // One item: every resample is that item, so every difference is 0.75 − 0.25.
    const result = pairedBootstrap(meanResamplable([0.75]), meanResamplable([0.25]), { resamples: 10 });
    expect([result.ciLow, result.ciHigh, result.verdict]).toEqual([0.5, 0.5, 'better']);
    // A wider confidence level gives a wider (or equal) interval.
    const a = meanResamplable(good.map((s) => s.length));
    const b = meanResamplable(poor.map((s) => s.length));
    const narrow = pairedBootstrap(a, b, { confidenceLevel: 0.5 });
    const wide = pairedBootstrap(a, b, { confidenceLevel: 0.99 });
    expect(wide.ciLow).toBeLessThanOrEqual(narrow.ciLow);
    expect(wide.ciHigh).toBeGreaterThanOrEqual(narrow.ciHigh);
  });

  it('refuses systems of different sizes, no items and bad options', () => {
    const three = meanResamplable([1, 2, 3]);
    const two = meanResamplable([1, 2]);
    expect(() => pairedBootstrap(three, two)).toThrow(MetricInputError);
    expect(() => pairedBootstrap(three, two)).toThrow('candidate has 3 items but champion has 2');
    const empty: ResamplableMetric = { size: 0, score: () => 0 };
    expect(() => pairedBootstrap(empty, empty)).toThrow('no items to resample');
    expect(() => pairedBootstrap(three, three, { resamples: 0 })).toThrow(MetricInputError);
    expect(() => pairedBootstrap(three, three, { confidenceLevel: 1 })).toThrow(MetricInputError);
    expect(() => pairedBootstrap(three, three, { seed: 1.5 })).toThrow(MetricInputError);
  });
});
