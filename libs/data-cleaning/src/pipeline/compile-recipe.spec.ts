import type { DataRecord } from '@llmops/data-formats';

import { CleaningError } from '../cleaning.error';
import type { NearDuplicateDetector } from '../dedup/near-duplicate-detector';
import { parseRecipe } from '../recipe/parse-recipe';
import type { RecipeInput } from '../recipe/recipe.schema';
import { contentRecord, textRecord } from '../testing/step-test-records';
import { compileRecipe } from './compile-recipe';

const PROSE =
  'The harbour authority said on Monday that the new ferry line would start in May, linking the two ' +
  'islands with four crossings a day. Residents have asked for the service for years, because the only ' +
  'other way to travel between them is a long drive around the bay. The boats will carry bicycles and ' +
  'cars, and tickets will cost the same as the bus.';

const compile = (recipe: RecipeInput, detector?: () => NearDuplicateDetector) =>
  compileRecipe(parseRecipe(recipe), detector ? { nearDuplicateDetector: detector } : {});

/** A detector that reports texts starting with the same 20 characters, and throws on "BOOM". */
class PrefixDetector implements NearDuplicateDetector {
  private readonly seen = new Map<string, string>();
  add(id: string, text: string): string | null {
    if (text.includes('BOOM')) throw new Error('detector exploded');
    const key = text.slice(0, 20);
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return earlier;
    this.seen.set(key, id);
    return null;
  }
}

describe('compileRecipe', () => {
  it('returns the same record object when no step changes it', () => {
    const pipeline = compile({
      steps: [{ type: 'normalize-whitespace' }, { type: 'filter-length', minWords: 3 }],
    });
    const record = textRecord('Already clean text here.');
    expect(pipeline.process(record)).toEqual({ kept: record, annotations: {} });
    expect((pipeline.process(record) as { kept: DataRecord }).kept).toBe(record);
  });

  it('returns a cleaned copy, leaving the input record as it was', () => {
    const pipeline = compile({ steps: [{ type: 'normalize-whitespace' }, { type: 'filter-language' }] });
    const record = textRecord(`  ${PROSE.replace(/ /g, '   ')}  `);
    const outcome = pipeline.process(record);
    expect(outcome).toMatchObject({
      kept: { id: 'r1', content: { kind: 'text', text: PROSE }, metadata: { language: 'en' } },
    });
    expect(record.metadata).toEqual({});
    expect(record.content.kind === 'text' && record.content.text.startsWith('  ')).toBe(true);
  });

  it('annotates language, quality score and PII hits for the profiler', () => {
    const pipeline = compile({
      steps: [{ type: 'filter-language' }, { type: 'filter-quality' }, { type: 'redact-pii' }],
    });
    const outcome = pipeline.process(textRecord(`${PROSE} Questions: ferries@example.org.`));
    expect('kept' in outcome && outcome.annotations).toMatchObject({
      language: 'en',
      qualityScore: expect.any(Number),
      piiHits: { email: 1 },
    });
  });

  it('counts input, kept, drops by reason, modifications by step and PII hits', () => {
    const pipeline = compile({
      steps: [
        { type: 'normalize-whitespace' },
        { type: 'redact-pii', types: ['email'] },
        { type: 'filter-length', minWords: 5 },
        { type: 'normalize-whitespace', maxBlankLines: 0 },
        { type: 'dedup-exact' },
      ],
    });
    const texts = [
      'one  two three four five', // whitespace fixed, kept
      'one two three four five', // exact duplicate after normalisation
      'too short', // length
      'mail me at a@example.com or b@example.com', // redacted, kept
      'first paragraph here ok\n\n\nsecond paragraph', // both whitespace steps change it
    ];
    texts.forEach((text, i) => pipeline.process(textRecord(text, `r${i}`, i + 1)));
    const report = pipeline.report();
    expect(report).toMatchObject({
      input: 5,
      kept: 3,
      dropped: 2,
      droppedByReason: { 'dedup:exact': 1, 'length:min-words': 1 },
      modifiedByStep: {
        'normalize-whitespace': 2,
        'redact-pii': 1,
        'filter-length': 0,
        'normalize-whitespace#2': 1,
        'dedup-exact': 0,
      },
      piiHits: { email: 2 },
    });
  });

  it('keeps a bounded sample of rejects per reason with id, line, detail and a truncated preview', () => {
    const pipeline = compile({
      rejectSampleSize: 2,
      steps: [{ type: 'filter-length', minWords: 3, maxChars: 400 }],
    });
    for (let i = 0; i < 10; i++) pipeline.process(textRecord(`short ${i}`, `s${i}`, i + 1));
    pipeline.process(textRecord('long '.repeat(200), 'long', 99));
    const { rejectSamples } = pipeline.report();
    expect(rejectSamples['length:min-words']).toHaveLength(2);
    expect(rejectSamples['length:min-words']?.[0]).toMatchObject({
      recordId: expect.stringMatching(/^s\d$/),
      reason: 'length:min-words',
      detail: '2 words < 3',
      file: 'in.jsonl',
      line: expect.any(Number),
    });
    const long = rejectSamples['length:max-chars']?.[0];
    expect(long).toMatchObject({ recordId: 'long', line: 99 });
    expect(long?.preview).toHaveLength(301);
    expect(long?.preview.endsWith('…')).toBe(true);
  });

  it('keeps no samples when rejectSampleSize is 0', () => {
    const pipeline = compile({ rejectSampleSize: 0, steps: [{ type: 'filter-length', minWords: 3 }] });
    pipeline.process(textRecord('short'));
    expect(pipeline.report().rejectSamples).toEqual({});
  });

  it('previews PII drops redacted', () => {
    const pipeline = compile({ steps: [{ type: 'redact-pii', action: 'drop' }] });
    expect(pipeline.process(textRecord('Call +44 20 7946 0958 now'))).toMatchObject({ dropped: 'pii:phone' });
    expect(pipeline.report().rejectSamples['pii:phone']?.[0]?.preview).toBe('Call [PHONE] now');
  });

  it('drops records that cleaning leaves without text', () => {
    const pipeline = compile({ steps: [{ type: 'strip-html' }] });
    expect(pipeline.process(textRecord('<script>track()</script>'))).toMatchObject({ dropped: 'empty' });
  });

  it('cleans every field of chat records', () => {
    const pipeline = compile({ steps: [{ type: 'normalize-whitespace' }, { type: 'redact-pii' }] });
    const outcome = pipeline.process(
      contentRecord({
        kind: 'chat',
        messages: [
          { role: 'user', content: '  my  mail is a@example.com ' },
          { role: 'assistant', content: 'Noted.' },
        ],
      }),
    );
    expect(outcome).toMatchObject({
      kept: { content: { messages: [{ content: 'my mail is [EMAIL]' }, { content: 'Noted.' }] } },
    });
  });

  it('drops near-duplicates found by the injected detector', () => {
    const pipeline = compile({ steps: [{ type: 'dedup-near', threshold: 0.7 }] }, () => new PrefixDetector());
    pipeline.process(textRecord(`${PROSE} (first)`, 'a'));
    expect(pipeline.process(textRecord(`${PROSE} (second)`, 'b'))).toMatchObject({
      dropped: 'dedup:near',
      annotations: { duplicateOf: 'a' },
    });
  });

  it('refuses a dedup-near recipe without a detector factory', () => {
    let thrown: unknown;
    try {
      compile({ steps: [{ type: 'dedup-near' }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'near-duplicate-detector-missing' });
  });

  describe('onRecordError', () => {
    const records = [
      textRecord('fine one', 'ok1', 1),
      textRecord('BOOM goes this one', 'bad', 2),
      textRecord('fine two', 'ok2', 3),
    ];

    it('skip: drops the failing record as error:<step> and goes on', () => {
      const pipeline = compile(
        { onRecordError: 'skip', steps: [{ type: 'dedup-near' }] },
        () => new PrefixDetector(),
      );
      const outcomes = records.map((record) => pipeline.process(record));
      expect(outcomes.map((o) => ('kept' in o ? 'kept' : o.dropped))).toEqual([
        'kept',
        'error:dedup-near',
        'kept',
      ]);
      expect(pipeline.report()).toMatchObject({
        kept: 2,
        droppedByReason: { 'error:dedup-near': 1 },
        rejectSamples: { 'error:dedup-near': [{ recordId: 'bad', detail: 'detector exploded', line: 2 }] },
      });
    });

    it('fail: stops at the failing record with an error naming it, its line and the step', () => {
      const pipeline = compile(
        { onRecordError: 'fail', steps: [{ type: 'dedup-near' }] },
        () => new PrefixDetector(),
      );
      pipeline.process(records[0]!);
      let thrown: unknown;
      try {
        pipeline.process(records[1]!);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CleaningError);
      expect(thrown).toMatchObject({
        code: 'record-failed',
        message: 'step dedup-near failed on record bad (in.jsonl:2): detector exploded',
        details: { recordId: 'bad', step: 'dedup-near', line: 2 },
      });
    });
  });

  it('keeps exact-dedup state per pipeline', () => {
    const recipe = { steps: [{ type: 'dedup-exact' as const }] };
    const first = compile(recipe);
    const second = compile(recipe);
    first.process(textRecord('same text'));
    expect(second.process(textRecord('same text'))).toHaveProperty('kept');
  });
});
