import { clusterNearDuplicates } from './cluster-near-duplicates';

const doc = (id: string, text: string): { id: string; text: string } => ({ id, text });
const A = 'the quick brown fox jumps over the lazy dog near the river bank today';
const B = 'completely different words about training large language models on clusters';
const C = 'yet another unrelated sentence describing evaluation metrics and benchmark scores';

describe('clusterNearDuplicates', () => {
  it('groups near-duplicates under the first document, in input order', () => {
    const result = clusterNearDuplicates(
      [
        doc('1', B),
        doc('2', A),
        doc('3', C),
        doc('4', `${A}!`),
        doc('5', B.toUpperCase()),
        doc('6', A.replace('fox', 'Fox')),
        doc('7', 'a unique one about something else entirely and more'),
      ],
      { threshold: 0.8, ngram: 3 },
    );
    expect(result.clusters).toEqual([
      { cluster: 0, ids: ['1', '5'] },
      { cluster: 1, ids: ['2', '4', '6'] },
    ]);
    expect([...result.kept]).toEqual(['1', '2', '3', '7']);
  });

  it('returns no clusters when everything is unique, and keeps empty documents', () => {
    const result = clusterNearDuplicates([doc('a', A), doc('b', B), doc('e', ''), doc('f', '')], {
      threshold: 0.8,
    });
    expect(result.clusters).toEqual([]);
    expect([...result.kept]).toEqual(['a', 'b', 'e', 'f']);
  });

  it('accepts any iterable, e.g. a generator', () => {
    function* docs(): Generator<{ id: string; text: string }> {
      yield doc('x', C);
      yield doc('y', C);
    }
    expect(clusterNearDuplicates(docs(), { threshold: 0.9 }).clusters).toEqual([
      { cluster: 0, ids: ['x', 'y'] },
    ]);
  });
});
