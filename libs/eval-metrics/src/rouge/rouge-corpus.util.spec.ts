import { scoreRougeCorpus } from './rouge-corpus.util';

describe('scoreRougeCorpus', () => {
  it('averages each P/R/F of score_multi over the pairs', () => {
    const report = scoreRougeCorpus(
      [
        { hyp: 'a b', refs: ['a b'] },
        { hyp: 'c', refs: ['d', 'x'] },
      ],
      { types: ['rouge1'] },
    );
    expect(report.pairs).toHaveLength(2);
    expect(report.mean).toEqual({ rouge1: { precision: 0.5, recall: 0.5, fmeasure: 0.5 } });
  });

  it('rejects an empty corpus', () => {
    expect(() => scoreRougeCorpus([])).toThrow(RangeError);
  });
});
