import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BleuOptions, corpusBleu } from '../bleu/bleu';
import { MetricInputError } from '../bleu/metric-input.error';
import { type ChrfOptions, corpusChrf } from '../chrf/chrf';
import { bleuResamplable } from './bleu-resamplable';
import { chrfResamplable } from './chrf-resamplable';
import { meanResamplable } from './mean-resamplable';

interface CorpusFixture<O> {
  corpora: Record<string, { hyps: string[]; refs: string[][] }>;
  cases: { corpus: string; options: O }[];
}

const load = <O>(path: string): CorpusFixture<O> =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures', path), 'utf8')) as CorpusFixture<O>;
const bleuFixture = load<BleuOptions>('bleu/corpus-bleu.json');
const chrfFixture = load<ChrfOptions>('chrf/corpus-chrf.json');

/** The corpus of the drawn segments, materialized (every stream resampled the same way). */
function resample(hyps: readonly string[], refs: readonly (readonly string[])[], indices: readonly number[]) {
  return {
    hyps: indices.map((i) => hyps[i] ?? ''),
    refs: refs.map((stream) => indices.map((i) => stream[i] ?? '')),
  };
}

/** Indices 0..n-1 shuffled deterministically, with the first repeated: repeats and reordering both. */
function someIndices(n: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
  return [...indices, indices[0] ?? 0];
}

describe('bleuResamplable', () => {
  it.each(bleuFixture.cases.map((c) => [`${c.corpus} ${JSON.stringify(c.options)}`, c] as const))(
    '%s: score() is corpusBleu exactly, score(indices) is corpusBleu of the resample',
    (_, c) => {
      const { hyps, refs } = bleuFixture.corpora[c.corpus] ?? { hyps: [], refs: [] };
      const metric = bleuResamplable(hyps, refs, c.options);
      expect(metric.size).toBe(hyps.length);
      expect(metric.score()).toBe(corpusBleu(hyps, refs, c.options).score);
      const indices = someIndices(hyps.length);
      const drawn = resample(hyps, refs, indices);
      expect(metric.score(indices)).toBe(corpusBleu(drawn.hyps, drawn.refs, c.options).score);
    },
  );

  it('refuses misaligned streams and bad indices', () => {
    expect(() => bleuResamplable(['a', 'b'], [['a']])).toThrow(MetricInputError);
    const metric = bleuResamplable(['a b', 'c d'], [['a b', 'c e']]);
    expect(() => metric.score([0, 2])).toThrow('resample index 2 at position 1 is not an integer in [0, 2)');
    expect(() => metric.score([0.5])).toThrow(MetricInputError);
    expect(() => metric.score([])).toThrow(MetricInputError);
  });
});

describe('chrfResamplable', () => {
  it.each(chrfFixture.cases.map((c) => [`${c.corpus} ${JSON.stringify(c.options)}`, c] as const))(
    '%s: score() is corpusChrf exactly, score(indices) is corpusChrf of the resample',
    (_, c) => {
      const { hyps, refs } = chrfFixture.corpora[c.corpus] ?? { hyps: [], refs: [] };
      const metric = chrfResamplable(hyps, refs, c.options);
      expect(metric.score()).toBe(corpusChrf(hyps, refs, c.options).score);
      const indices = someIndices(hyps.length);
      const drawn = resample(hyps, refs, indices);
      expect(metric.score(indices)).toBe(corpusChrf(drawn.hyps, drawn.refs, c.options).score);
    },
  );
});

describe('meanResamplable', () => {
  it('averages all items, or the drawn ones with repeats', () => {
    const metric = meanResamplable([1, 2, 3, 4]);
    expect(metric.size).toBe(4);
    expect(metric.score()).toBe(2.5);
    expect(metric.score([0, 0, 3])).toBe(2); // (1 + 1 + 4) / 3
    expect(metric.score(new Int32Array([1, 2]))).toBe(2.5);
  });

  it('refuses empty lists and non-finite values', () => {
    expect(() => meanResamplable([])).toThrow(MetricInputError);
    expect(() => meanResamplable([0.5, Number.NaN])).toThrow('value NaN at item 1 is not finite');
  });
});
