import { DatasetVersionCreatedV1Schema } from '@llmops/contracts';
import type { DataRecord } from '@llmops/data-formats';
import { recordText } from '@llmops/data-formats';

import { seededRandom } from './adaptive-sampler';
import { DatasetProfileSchema } from './dataset-profile';
import { ProfileBuilder } from './profile-builder';
import type { RecordAnnotations } from './record-annotations';
import { summarize } from './summarize-profile';
import { o200kTokenCounter } from './token-counter';

const QUESTIONS = [
  'How do I reset my password?',
  'Where is my parcel? It was due on Monday.',
  'Can I change the billing date on my invoice?',
  'Why was my card declined at checkout?',
  'How do I export all of my account data?',
  'Is there a discount for annual plans?',
];
const ANSWERS = [
  'Thanks for contacting support. Open Settings, then Security, and choose Reset password. A link arrives by email within a few minutes.',
  'Thanks for contacting support. Your parcel left our warehouse yesterday; the tracking link in your confirmation email shows its position.',
  'Thanks for contacting support. Yes: go to Billing, then Change date. The next invoice moves with it and nothing is charged twice.',
  'Thanks for contacting support. Your bank declined the payment. Please ask them to allow it, or try another card.',
];

type Example = { record: DataRecord; annotations: RecordAnnotations };

/** A support dataset: prompt-completion tickets, chats, preference pairs, a few drops and two odd lengths. */
function supportDataset(count: number): Example[] {
  const random = seededRandom(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const examples: Example[] = [];
  for (let i = 0; i < count; i++) {
    const base = {
      metadata: { channel: pick(['email', 'chat', 'phone']), ...(i % 4 === 0 ? { priority: 'high' } : {}) },
      provenance: { producer: 'helpdesk' },
    };
    let record: DataRecord;
    if (i % 10 === 0) {
      record = {
        id: `chat-${i}`,
        ...base,
        content: {
          kind: 'chat',
          messages: [
            { role: 'system', content: 'You are a friendly support agent.' },
            { role: 'user', content: pick(QUESTIONS) },
            { role: 'assistant', content: pick(ANSWERS) },
            ...(i % 20 === 0
              ? [
                  { role: 'user' as const, content: 'Thanks!' },
                  { role: 'assistant' as const, content: 'Happy to help.' },
                ]
              : []),
          ],
        },
      };
    } else if (i % 10 === 1) {
      record = {
        id: `pref-${i}`,
        ...base,
        content: {
          kind: 'preference',
          prompt: pick(QUESTIONS),
          chosen: pick(ANSWERS),
          rejected: 'I do not know.',
        },
      };
    } else {
      record = {
        id: `ticket-${i}`,
        ...base,
        content: {
          kind: 'prompt-completion',
          prompt: `${pick(QUESTIONS)} Order ${1000 + i}.`,
          completion: pick(ANSWERS),
        },
      };
    }
    const annotations: RecordAnnotations = {
      language: i % 5 === 0 ? 'de' : i % 7 === 0 ? 'fr' : 'en',
      qualityScore: Math.round(random() * 100) / 100,
    };
    if (i % 9 === 0) annotations.piiHits = { email: 1, ...(i % 18 === 0 ? { phone: 2 } : {}) };
    if (i % 50 === 3) annotations.dropReason = 'exact-duplicate';
    else if (i % 97 === 5) annotations.dropReason = 'too-short';
    examples.push({ record, annotations });
  }
  const logDump =
    'ERROR 2024-05-01T10:00:00Z worker-7 timeout while calling payments-api after 30000 ms\n'.repeat(2000);
  examples.push({
    record: {
      id: 'huge-log-paste',
      metadata: {},
      provenance: { producer: 'helpdesk' },
      content: {
        kind: 'prompt-completion',
        prompt: `Why does this fail?\n${logDump}`,
        completion: 'The payments API timed out.',
      },
    },
    annotations: { language: 'en' },
  });
  examples.push({
    record: {
      id: 'tiny',
      metadata: {},
      provenance: { producer: 'helpdesk' },
      content: { kind: 'text', text: 'ok' },
    },
    annotations: { language: 'en' },
  });
  return examples;
}

function dropCounts(examples: Example[]) {
  const byReason: Record<string, number> = {};
  for (const { annotations } of examples) {
    if (annotations.dropReason !== undefined)
      byReason[annotations.dropReason] = (byReason[annotations.dropReason] ?? 0) + 1;
  }
  return { byReason, total: Object.values(byReason).reduce((a, b) => a + b, 0) };
}

describe('ProfileBuilder', () => {
  const counter = o200kTokenCounter();
  const examples = supportDataset(2000);

  function profileOf(items: Example[], options = {}) {
    const builder = new ProfileBuilder({ tokenCounter: counter, ...options });
    for (const { record, annotations } of items) builder.add(record, annotations);
    builder.addReject({ reason: 'invalid-json', message: 'line 3: Unexpected token' });
    builder.addReject({ reason: 'invalid-json', message: 'line 9: Unexpected token' });
    builder.addReject({ reason: 'ragged-row', message: 'line 4: row has 3 fields' });
    builder.setDuplicates({ exactClusters: 30, exactDuplicates: 40, nearClusters: 5, nearDuplicates: 9 });
    return builder.build();
  }

  it('builds a profile that matches its schema, with counts, shapes, languages and PII', () => {
    const profile = profileOf(examples);
    expect(DatasetProfileSchema.parse(profile)).toEqual(profile);
    const drops = dropCounts(examples);
    expect(profile.counts).toEqual({
      input: 2002,
      kept: 2002 - drops.total,
      dropped: drops.total,
      droppedByReason: drops.byReason,
      rejected: 3,
      rejectedByReason: { 'invalid-json': 2, 'ragged-row': 1 },
    });
    const kept = profile.counts.kept;
    expect(Object.values(profile.recordShapes).reduce((a, b) => a + b)).toBe(kept);
    expect(profile.recordShapes).toMatchObject({
      chat: expect.any(Number),
      preference: expect.any(Number),
      text: 1,
    });
    expect(Object.values(profile.languages.shares).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(profile.languages.counts.de).toBeGreaterThan(300);
    expect(profile.pii.hitsByType.phone! % 2).toBe(0);
    expect(profile.pii.recordsWithPii).toBeGreaterThan(200);
    expect(profile.duplicates).toEqual({
      exactClusters: 30,
      exactDuplicates: 40,
      nearClusters: 5,
      nearDuplicates: 9,
    });
  });

  it('describes lengths, with exact token counts within the budget', () => {
    const profile = profileOf(examples);
    const kept = examples.filter((e) => e.annotations.dropReason === undefined);
    const exactTokens = kept.reduce((n, e) => n + counter.count(recordText(e.record)), 0);
    expect(profile.lengths.tokens).toMatchObject({
      method: 'exact',
      tokenizer: 'o200k_base',
      total: exactTokens,
      count: kept.length,
      measured: kept.length,
    });
    const { chars, words } = profile.lengths;
    expect(chars.min).toBe(2);
    expect(chars.max).toBeGreaterThan(150_000);
    expect(chars.p50).toBeGreaterThan(100);
    expect(chars.p50).toBeLessThan(400);
    expect(words.mean).toBeGreaterThan(20);
    expect(chars.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(kept.length);
  });

  it('lists length outliers on both sides, and the boilerplate n-grams', () => {
    const profile = profileOf(examples);
    expect(profile.outliers.long).toEqual([{ id: 'huge-log-paste', value: expect.any(Number) }]);
    expect(profile.outliers.short).toEqual([{ id: 'tiny', value: 2 }]);
    expect(profile.ngrams.method).toBe('exact');
    expect(profile.ngrams.trigrams.map((t) => t.ngram)).toContain('thanks for contacting');
    expect(profile.ngrams.unigrams.map((t) => t.ngram)).not.toContain('the');
    expect(profile.ngrams.unigrams.map((t) => t.ngram)).toContain('support');
  });

  it('reports field coverage, quality and chat structure', () => {
    const profile = profileOf(examples);
    expect(profile.fieldCoverage.metadata.channel).toBeGreaterThan(0.99);
    expect(profile.fieldCoverage.metadata.priority).toBeCloseTo(0.25, 1);
    expect(profile.fieldCoverage.content.prompt).toBeGreaterThan(0.8);
    expect(profile.fieldCoverage.content.messages).toBeCloseTo(0.1, 1);
    expect(profile.quality).toMatchObject({ count: 2000, histogram: { scale: 'linear' } });
    expect(profile.quality!.p50).toBeGreaterThan(0.4);
    expect(profile.quality!.p50).toBeLessThan(0.6);
    expect(profile.chat).toMatchObject({ conversations: expect.any(Number), turns: { min: 3, max: 5 } });
    expect(profile.chat!.roles.system).toBe(profile.chat!.conversations);
    expect(profile.chat!.roles.assistant).toBeGreaterThan(profile.chat!.conversations);
  });

  it('estimates tokens from a weighted sample past the budget, and says so', () => {
    // Without the 160k-char log paste: one record holding a fifth of all text cannot be sampled away.
    const regular = examples.slice(0, -2);
    const exact = profileOf(regular);
    const sampled = profileOf(regular, { tokenBudgetChars: 40_000, ngramBudgetChars: 20_000 });
    expect(sampled.lengths.tokens.method).toBe('sampled');
    expect(sampled.lengths.tokens.measured).toBeLessThan(exact.lengths.tokens.measured / 2);
    expect(Math.abs(sampled.lengths.tokens.total / exact.lengths.tokens.total - 1)).toBeLessThan(0.1);
    expect(Math.abs(sampled.lengths.tokens.p50 / exact.lengths.tokens.p50 - 1)).toBeLessThan(0.15);
    expect(sampled.ngrams.method).toBe('sampled');
    expect(sampled.ngrams.trigrams[0]?.ngram).toBe(exact.ngrams.trigrams[0]?.ngram);
  });

  it('is deterministic', () => {
    const options = { tokenBudgetChars: 40_000, ngramBudgetChars: 20_000 };
    expect(profileOf(examples, options)).toEqual(profileOf(examples, options));
  });

  it('handles an empty dataset', () => {
    const profile = new ProfileBuilder().build();
    expect(DatasetProfileSchema.parse(profile)).toMatchObject({
      counts: { input: 0 },
      quality: null,
      chat: null,
    });
    expect(summarize(profile)).toMatchObject({ inputRecords: 0, tokens: 0, meanChars: 0, languages: {} });
  });
});

describe('summarize', () => {
  it('returns the dataset-version-created profileSummary', () => {
    const builder = new ProfileBuilder();
    const examples = supportDataset(300);
    for (const { record, annotations } of examples) builder.add(record, annotations);
    const profile = builder.build();
    const summary = summarize(profile);
    expect(DatasetVersionCreatedV1Schema.shape.profileSummary.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      inputRecords: 302,
      droppedByReason: dropCounts(examples).byReason,
      tokenizer: 'o200k_base',
      tokens: profile.lengths.tokens.total,
      meanChars: profile.lengths.chars.mean,
    });
    expect(Object.keys(summary.piiRedactionsByType).sort()).toEqual(['email', 'phone']);
    expect(Object.values(summary.languages).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('counts records dropped by reason without the record, and rejects apart', () => {
    const builder = new ProfileBuilder();
    const [first] = supportDataset(1);
    builder.add(first!.record, { language: 'en' });
    builder.addDropped('contaminated');
    builder.addDropped('invalid-json');
    builder.addReject({ reason: 'ragged-row', message: 'line 4: row has 3 fields' });
    const profile = builder.build();
    expect(profile.counts).toEqual({
      input: 3,
      kept: 1,
      dropped: 2,
      droppedByReason: { contaminated: 1, 'invalid-json': 1 },
      rejected: 1,
      rejectedByReason: { 'ragged-row': 1 },
    });
    expect(summarize(profile)).toMatchObject({
      inputRecords: 3,
      droppedByReason: { contaminated: 1, 'invalid-json': 1 },
    });
  });
});
