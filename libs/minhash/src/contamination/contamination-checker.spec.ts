import { Readable } from 'node:stream';
import { thrownCode } from '../testing/thrown-code';
import { generateNearDuplicateCorpus } from '../testing/near-duplicate-corpus';
import { tokenize } from '../text/tokenize';
import { checkContamination } from './check-contamination';
import { ContaminationChecker } from './contamination-checker';

const corpus = generateNearDuplicateCorpus({
  size: 400,
  seed: 7,
  duplicateRate: 0,
  overlapRate: 0,
  meanWords: 120,
});
const docs = corpus.documents;
const evalItems = docs.slice(0, 50).map((d, i) => ({ id: `eval-${i}`, text: d.text }));
const clean = docs.slice(50).map((d) => ({ id: d.id, text: d.text }));
/** Tokens, so spans count words the way the checker does (the corpus has stray '-' separators). */
const words = (text: string): string[] => tokenize(text);

describe('ContaminationChecker', () => {
  it('finds nothing in unrelated records', () => {
    const checker = new ContaminationChecker(evalItems);
    for (const record of clean) expect(checker.check(record)).toBeNull();
    const report = checker.report();
    expect(report).toMatchObject({
      recordsChecked: clean.length,
      contaminatedRecords: 0,
      evalItemsTouched: [],
    });
  });

  it('flags a record that shares one 13-gram, ignoring case and punctuation', () => {
    const span = words(evalItems[3]!.text).slice(20, 33).join(' ').toUpperCase().replace(/ /g, ', ');
    const record = { id: 'r1', text: `${clean[0]!.text} ${span} ${clean[1]!.text}` };
    const hit = new ContaminationChecker(evalItems, { minhash: false }).check(record);
    expect(hit).toMatchObject({ recordId: 'r1', reasons: ['ngram'], overlappingNgrams: 1 });
    expect(hit!.matches).toEqual([{ evalId: 'eval-3', sharedNgrams: 1, jaccard: NaN }]);
    expect(hit!.overlapRatio).toBeCloseTo(1 / hit!.recordNgrams, 12);
  });

  it('does not flag 12 shared words at n = 13, but does at n = 12', () => {
    const span = words(evalItems[5]!.text).slice(10, 22).join(' ');
    const record = { id: 'r2', text: `${clean[2]!.text} ${span}` };
    expect(new ContaminationChecker(evalItems, { minhash: false }).check(record)).toBeNull();
    expect(new ContaminationChecker(evalItems, { minhash: false, ngram: 12 }).check(record)).not.toBeNull();
  });

  it('honours minOverlap: three distinct shared n-grams need a 15-word span', () => {
    const text = (length: number): string =>
      words(evalItems[7]!.text)
        .slice(30, 30 + length)
        .join(' ');
    const checker = new ContaminationChecker(evalItems, { minhash: false, minOverlap: 3 });
    expect(checker.check({ id: 'short', text: text(14) })).toBeNull();
    expect(checker.check({ id: 'long', text: text(15) })?.matches[0]).toMatchObject({
      evalId: 'eval-7',
      sharedNgrams: 3,
    });
  });

  it('catches a lightly edited copy through MinHash when no 13-gram survives', () => {
    const edited = words(evalItems[9]!.text)
      .map((w, i) => (i % 12 === 6 ? 'zzz' : w))
      .join(' ');
    const checker = new ContaminationChecker(evalItems, { minhash: { threshold: 0.3 } });
    const hit = checker.check({ id: 'edited', text: edited });
    expect(hit?.reasons).toEqual(['minhash']);
    expect(hit?.matches[0]).toMatchObject({ evalId: 'eval-9', sharedNgrams: 0 });
    expect(hit!.maxJaccard).toBeGreaterThanOrEqual(0.3);
    expect(
      new ContaminationChecker(evalItems, { minhash: false }).check({ id: 'edited', text: edited }),
    ).toBeNull();
  });

  it('reports both reasons and an estimated Jaccard for an exact copy', () => {
    const hit = new ContaminationChecker(evalItems).check({ id: 'copy', text: evalItems[11]!.text });
    expect(hit?.reasons).toEqual(['ngram', 'minhash']);
    expect(hit?.matches[0]).toMatchObject({ evalId: 'eval-11', jaccard: 1 });
    expect(hit?.overlapRatio).toBe(1);
  });

  it('matches short eval items by their whole sequence and lists the too-short ones', () => {
    const items = [
      { id: 'nine', text: 'What is the boiling point of water at sea level?' },
      { id: 'tiny', text: 'Paris' },
    ];
    const checker = new ContaminationChecker(items, { minhash: false });
    expect(
      checker.check({ id: 'a', text: 'Quiz: what is the boiling point of water at sea level? 100 C.' }),
    ).toMatchObject({ matches: [{ evalId: 'nine', sharedNgrams: 1 }] });
    expect(checker.check({ id: 'b', text: 'I love Paris in the spring.' })).toBeNull();
    expect(checker.report()).toMatchObject({ evalItemsTooShort: ['tiny'], evalItemsTouched: ['nine'] });
  });

  it('streams an async source and totals the report', async () => {
    // An object-mode stream, as records read from a file or a topic would arrive.
    const stream = Readable.from([
      ...clean.slice(0, 100),
      { id: 'copy-a', text: evalItems[1]!.text },
      { id: 'copy-b', text: `${evalItems[1]!.text} ${evalItems[2]!.text}` },
    ]) as AsyncIterable<{ id: string; text: string }>;
    const report = await checkContamination(evalItems, stream);
    expect(report).toMatchObject({
      ngram: 13,
      minOverlap: 1,
      minhashThreshold: 0.8,
      evalItems: 50,
      recordsChecked: 102,
      contaminatedRecords: 2,
      matchedByNgram: 2,
      matchedByMinhash: 1,
      evalItemsTouched: ['eval-1', 'eval-2'],
    });
    expect(report.records.map((r) => r.recordId)).toEqual(['copy-a', 'copy-b']);
    expect(report.records[1]!.matches.map((m) => m.evalId).sort()).toEqual(['eval-1', 'eval-2']);
  });

  it('rejects bad options', () => {
    expect(thrownCode(() => new ContaminationChecker([], { ngram: 0 }))).toBe('INVALID_OPTION');
    expect(thrownCode(() => new ContaminationChecker([], { minhash: { threshold: 2 } }))).toBe(
      'INVALID_OPTION',
    );
  });
});
