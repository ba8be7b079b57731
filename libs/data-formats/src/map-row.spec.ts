import { mapRow } from './map-row';
import { RecordMappingSchema, type RecordMappingInput } from './record-mapping';

const at = { file: 'support.jsonl', line: 12 };

function map(row: Record<string, unknown>, mapping: RecordMappingInput = {}) {
  return mapRow(row, RecordMappingSchema.parse(mapping), at);
}

function rejectOf(result: ReturnType<typeof mapRow>) {
  if (!('reject' in result)) throw new Error(`expected a reject, got ${JSON.stringify(result)}`);
  return result.reject;
}

function recordOf(result: ReturnType<typeof mapRow>) {
  if (!('record' in result)) throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result.record;
}

describe('mapRow in auto mode', () => {
  it('detects text and keeps the other fields as metadata', () => {
    const record = recordOf(map({ text: 'The router reboots nightly.', lang: 'en', score: 0.8 }));
    expect(record).toEqual({
      id: 'support.jsonl:12',
      content: { kind: 'text', text: 'The router reboots nightly.' },
      metadata: { lang: 'en', score: 0.8 },
      provenance: { producer: 'unknown', file: 'support.jsonl', line: 12 },
    });
  });

  it('detects prompt-completion and uses an `id` field when there is one', () => {
    const record = recordOf(
      map({ id: 42, prompt: 'How do I reset my password?', completion: 'Open Settings.' }),
    );
    expect(record.id).toBe('42');
    expect(record.content).toEqual({
      kind: 'prompt-completion',
      prompt: 'How do I reset my password?',
      completion: 'Open Settings.',
    });
    expect(record.metadata).toEqual({});
  });

  it('detects chat and validates OpenAI roles', () => {
    const messages = [
      { role: 'system', content: 'You are a support agent.' },
      { role: 'user', content: 'My invoice is wrong.' },
      { role: 'assistant', content: 'Let me check that for you.' },
    ];
    expect(recordOf(map({ messages })).content).toEqual({ kind: 'chat', messages });

    const reject = rejectOf(map({ messages: [{ role: 'customer', content: 'hi' }] }));
    expect(reject.reason).toBe('invalid-message');
    expect(reject.message).toMatch(/^line 12: field "messages"\[0\]\.role: /);
  });

  it('detects preference with a text or chat prompt', () => {
    const base = { chosen: 'Use the reset link.', rejected: 'No idea.' };
    expect(recordOf(map({ prompt: 'Reset password?', ...base })).content.kind).toBe('preference');
    const chatPrompt = [{ role: 'user', content: 'Reset password?' }];
    expect(recordOf(map({ prompt: chatPrompt, ...base })).content).toEqual({
      kind: 'preference',
      prompt: chatPrompt,
      ...base,
    });
  });

  it('rejects rows whose shape it cannot tell', () => {
    const reject = rejectOf(map({ body: 'hello', title: 'x' }));
    expect(reject).toMatchObject({ reason: 'unknown-shape', file: 'support.jsonl', line: 12 });
    expect(reject.message).toContain('"body", "title"');
    expect(reject.raw).toBe('{"body":"hello","title":"x"}');
  });
});

describe('mapRow with an explicit mapping', () => {
  const mapping: RecordMappingInput = {
    shape: 'prompt-completion',
    fields: { prompt: 'question', completion: 'answer' },
    idField: 'ticket',
    metadataFields: ['priority', 'escalated'],
    coerce: { priority: 'number', escalated: 'boolean' },
    provenance: { producer: 'support-crm-exporter', license: 'CC-BY-4.0' },
  };

  it('maps source fields, coerces types and fills provenance defaults', () => {
    const row = {
      ticket: 'T-1',
      question: 'Why was I charged twice?',
      answer: 'A retry.',
      priority: '2',
      escalated: 'yes',
      agent: 'x',
    };
    expect(recordOf(map(row, mapping))).toEqual({
      id: 'T-1',
      content: { kind: 'prompt-completion', prompt: 'Why was I charged twice?', completion: 'A retry.' },
      metadata: { priority: 2, escalated: true },
      provenance: { producer: 'support-crm-exporter', license: 'CC-BY-4.0', file: 'support.jsonl', line: 12 },
    });
  });

  it('names the missing field', () => {
    const reject = rejectOf(map({ ticket: 'T-1', question: 'Why?' }, mapping));
    expect(reject).toMatchObject({ reason: 'missing-field', message: 'line 12: field "answer" is missing' });
  });

  it('rejects values that do not coerce', () => {
    const reject = rejectOf(map({ ticket: 'T-1', question: 'Q', answer: 'A', priority: 'high' }, mapping));
    expect(reject).toMatchObject({
      reason: 'type-mismatch',
      message: 'line 12: field "priority" is a string, expected number',
    });
  });

  it('rejects a text field of the wrong type and an empty prompt', () => {
    expect(rejectOf(map({ ticket: 'T-1', question: 7, answer: 'A' }, mapping))).toMatchObject({
      reason: 'type-mismatch',
      message: 'line 12: field "question" is a number, expected a string',
    });
    expect(rejectOf(map({ ticket: 'T-1', question: '  ', answer: 'A' }, mapping)).reason).toBe('empty-field');
  });

  it('rejects a missing id field when one is configured', () => {
    expect(rejectOf(map({ question: 'Q', answer: 'A' }, mapping))).toMatchObject({
      reason: 'missing-field',
      message: 'line 12: field "ticket" is missing',
    });
  });

  it('parses a JSON-string messages column (CSV) and reads dotted paths', () => {
    const messages = '[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"}]';
    const record = recordOf(
      map(
        { convo: { turns: messages }, source: 'chat-export' },
        { fields: { messages: 'convo.turns' }, shape: 'chat' },
      ),
    );
    expect(record.content).toEqual({
      kind: 'chat',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ],
    });
    expect(rejectOf(map({ messages: 'not json' }, { shape: 'chat' })).reason).toBe('type-mismatch');
    expect(rejectOf(map({ messages: [] }, { shape: 'chat' })).reason).toBe('empty-field');
  });

  it('coerces json-string metadata into objects', () => {
    const record = recordOf(map({ text: 'x', tags: '{"topic":"billing"}' }, { coerce: { tags: 'json' } }));
    expect(record.metadata).toEqual({ tags: { topic: 'billing' } });
    const reject = rejectOf(map({ text: 'x', tags: '{oops' }, { coerce: { tags: 'json' } }));
    expect(reject.reason).toBe('type-mismatch');
    expect(reject.message).toContain('field "tags" is a string, expected a JSON string');
  });

  it('takes per-row provenance and validates it', () => {
    const mappingWithRowProvenance: RecordMappingInput = {
      provenanceFields: { license: 'licence', collectedAt: 'seen' },
    };
    const ok = recordOf(
      map({ text: 'x', licence: 'MIT', seen: '2024-05-01T10:00:00Z' }, mappingWithRowProvenance),
    );
    expect(ok.provenance).toMatchObject({ license: 'MIT', collectedAt: '2024-05-01T10:00:00Z' });
    expect(ok.metadata).toEqual({});
    const bad = rejectOf(map({ text: 'x', seen: 'yesterday' }, mappingWithRowProvenance));
    expect(bad.reason).toBe('invalid-provenance');
    expect(bad.message).toMatch(/^line 12: field "seen": /);
  });

  it('turns bigints and dates from Parquet into JSON values', () => {
    const record = recordOf(map({ text: 'x', n: 5n, big: 2n ** 60n, at: new Date('2024-01-01T00:00:00Z') }));
    expect(record.metadata).toEqual({ n: 5, big: '1152921504606846976', at: '2024-01-01T00:00:00.000Z' });
  });

  it('rejects unknown mapping keys up front', () => {
    expect(() => RecordMappingSchema.parse({ feilds: {} })).toThrow();
    expect(() => RecordMappingSchema.parse({ fields: { answer: 'a' } })).toThrow();
  });
});
