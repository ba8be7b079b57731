import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BleuOptions, type BleuScore, corpusBleu, formatBleu, sentenceBleu } from './bleu';
import { MetricInputError } from './metric-input.error';
import { SACREBLEU_COMPAT_VERSION } from './sacrebleu-compat';

interface Expected {
  score: number;
  counts: number[];
  totals: number[];
  precisions: number[];
  bp: number;
  sys_len: number;
  ref_len: number;
  signature: string;
  text: string;
}
interface CorpusFixture {
  generatedWith: { sacrebleu: string };
  corpora: Record<string, { hyps: string[]; refs: string[][] }>;
  cases: { corpus: string; options: BleuOptions; expected: Expected }[];
}
interface SentenceFixture {
  cases: { hyp: string; refs: string[]; options: BleuOptions; expected: Expected }[];
}

const FIXTURES = join(__dirname, '../../fixtures/bleu');
const load = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
const corpus = load<CorpusFixture>('corpus-bleu.json');
const sentence = load<SentenceFixture>('sentence-bleu.json');

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - (expected[i] ?? NaN))).toBeLessThanOrEqual(1e-9);
  });
}

function expectSame(actual: BleuScore, expected: Expected): void {
  expectClose(
    [actual.score, actual.bp, actual.sysLen, actual.refLen],
    [expected.score, expected.bp, expected.sys_len, expected.ref_len],
  );
  expectClose(actual.counts, expected.counts);
  expectClose(actual.totals, expected.totals);
  expectClose(actual.precisions, expected.precisions);
  expect(actual.signature).toBe(expected.signature);
}

describe('corpusBleu (parity with sacreBLEU)', () => {
  it('was generated with the version the signature claims', () => {
    expect(corpus.generatedWith.sacrebleu).toBe(SACREBLEU_COMPAT_VERSION);
  });

  it.each(corpus.cases.map((c) => [`${c.corpus} ${JSON.stringify(c.options)}`, c] as const))('%s', (_, c) => {
    const input = corpus.corpora[c.corpus];
    if (!input) throw new Error(`unknown corpus ${c.corpus}`);
    const result = corpusBleu(input.hyps, input.refs, c.options);
    expectSame(result, c.expected);
    expect(formatBleu(result)).toBe(c.expected.text);
  });
});

describe('sentenceBleu (parity with sacreBLEU)', () => {
  it.each(sentence.cases.map((c, i) => [`#${i} ${JSON.stringify(c.options)}`, c] as const))('%s', (_, c) => {
    expectSame(sentenceBleu(c.hyp, c.refs, c.options), c.expected);
  });
});

describe('corpusBleu input errors', () => {
  it('names both counts when a reference stream is misaligned', () => {
    const call = (): BleuScore =>
      corpusBleu(
        ['a', 'b', 'c'],
        [
          ['a', 'b', 'c'],
          ['a', 'b'],
        ],
      );
    expect(call).toThrow(MetricInputError);
    expect(call).toThrow('hypotheses have 3 segments but reference stream 2 has 2');
  });

  it('refuses an empty corpus and missing references with stable codes', () => {
    expect(() => corpusBleu([], [[]])).toThrow(expect.objectContaining({ code: 'EMPTY_CORPUS' }) as Error);
    expect(() => corpusBleu(['a'], [])).toThrow(expect.objectContaining({ code: 'NO_REFERENCES' }) as Error);
  });
});
