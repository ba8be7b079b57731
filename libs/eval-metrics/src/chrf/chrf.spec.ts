import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MetricInputError } from '../bleu/metric-input.error';
import { type ChrfOptions, corpusChrf, formatChrf, sentenceChrf } from './chrf';

interface Expected {
  score: number;
  name: string;
  signature: string;
  text?: string;
}
interface CorpusFixture {
  corpora: Record<string, { hyps: string[]; refs: string[][] }>;
  cases: { corpus: string; options: ChrfOptions; expected: Expected }[];
}
interface SentenceFixture {
  cases: { hyp: string; refs: string[]; options: ChrfOptions; expected: Expected }[];
}

const FIXTURES = join(__dirname, '../../fixtures/chrf');
const load = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
const corpus = load<CorpusFixture>('corpus-chrf.json');
const sentence = load<SentenceFixture>('sentence-chrf.json');

describe('corpusChrf (parity with sacreBLEU)', () => {
  it.each(corpus.cases.map((c) => [`${c.corpus} ${JSON.stringify(c.options)}`, c] as const))('%s', (_, c) => {
    const input = corpus.corpora[c.corpus];
    if (!input) throw new Error(`unknown corpus ${c.corpus}`);
    const result = corpusChrf(input.hyps, input.refs, c.options);
    expect(Math.abs(result.score - c.expected.score)).toBeLessThanOrEqual(1e-9);
    expect(result.name).toBe(c.expected.name);
    expect(result.signature).toBe(c.expected.signature);
    expect(formatChrf(result)).toBe(c.expected.text);
  });
});

describe('sentenceChrf (parity with sacreBLEU)', () => {
  it.each(sentence.cases.map((c, i) => [`#${i} ${JSON.stringify(c.options)}`, c] as const))('%s', (_, c) => {
    const result = sentenceChrf(c.hyp, c.refs, c.options);
    expect(Math.abs(result.score - c.expected.score)).toBeLessThanOrEqual(1e-9);
    expect(result.signature).toBe(c.expected.signature);
  });
});

describe('corpusChrf input errors', () => {
  it('names both counts when a reference stream is misaligned', () => {
    expect(() => corpusChrf(['a', 'b'], [['a']])).toThrow(MetricInputError);
    expect(() => corpusChrf(['a', 'b'], [['a']])).toThrow(
      'hypotheses have 2 segments but reference stream 1 has 1',
    );
  });
});
