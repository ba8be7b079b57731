import { Readable } from 'node:stream';

import type { DataRecord, RecordReject } from './data-record';
import { readRecords, type ReadRecordsOptions } from './read-records';

async function readAll(text: Buffer | string, options: ReadRecordsOptions, chunkSize = 5) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const records: DataRecord[] = [];
  const rejects: RecordReject[] = [];
  for await (const result of readRecords(Readable.from(chunks), options)) {
    if ('record' in result) records.push(result.record);
    else rejects.push(result.reject);
  }
  return { records, rejects };
}

const qa = { fields: { prompt: 'question', completion: 'answer' }, coerce: { rating: 'number' as const } };

describe('readRecords: CSV', () => {
  it('reads a header row, quoted fields with commas, quotes and newlines, and skips blank lines', async () => {
    const csv = [
      'question,answer,rating',
      'How do I pay?,"By card, or by ""bank transfer"".",5',
      '',
      '"Two',
      'lines?","Yes,',
      'two."," 4 "',
      'Empty answer?,,3',
    ].join('\r\n');
    const { records, rejects } = await readAll(csv, { fileName: 'faq.csv', mapping: qa });
    expect(rejects).toEqual([]);
    expect(records.map((r) => [r.content, r.metadata, r.provenance.line])).toEqual([
      [
        { kind: 'prompt-completion', prompt: 'How do I pay?', completion: 'By card, or by "bank transfer".' },
        { rating: 5 },
        2,
      ],
      [{ kind: 'prompt-completion', prompt: 'Two\nlines?', completion: 'Yes,\ntwo.' }, { rating: 4 }, 4],
      [{ kind: 'prompt-completion', prompt: 'Empty answer?', completion: '' }, { rating: 3 }, 7],
    ]);
  });

  it('rejects ragged rows with their line number and reads on', async () => {
    const csv = 'question,answer\nA?,a\nB?,b,extra\nC?\nD?,d\n';
    const { records, rejects } = await readAll(csv, { fileName: 'faq.csv', mapping: qa });
    expect(records.map((r) => r.provenance.line)).toEqual([2, 5]);
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: 'ragged-row',
        line: 3,
        message: 'line 3: row has 3 fields, the header has 2',
        raw: 'B?,b,extra',
      }),
      expect.objectContaining({
        reason: 'ragged-row',
        line: 4,
        message: 'line 4: row has 1 fields, the header has 2',
      }),
    ]);
  });

  it('rejects invalid UTF-8, over-long lines and an unclosed quote without losing later rows', async () => {
    const csv = Buffer.concat([
      Buffer.from('question,answer\nGood?,yes\n'),
      Buffer.from([0x42, 0x61, 0x64, 0xff, 0x3f, 0x2c, 0x6e, 0x6f, 0x0a]), // Bad\xFF?,no
      Buffer.from(`Long?,${'z'.repeat(300)}\nStill good?,yes\n"Never closed,oops\n`),
    ]);
    const { records, rejects } = await readAll(csv, {
      fileName: 'faq.csv',
      mapping: qa,
      limits: { maxLineBytes: 100 },
    });
    expect(records.map((r) => r.provenance.line)).toEqual([2, 5]);
    expect(rejects.map((r) => [r.reason, r.line])).toEqual([
      ['invalid-utf8', 3],
      ['line-too-long', 4],
      ['invalid-csv', 6],
    ]);
  });

  it('reads quotes inside unquoted fields as text', async () => {
    const { records } = await readAll('text,size\nA 27" screen,big\n"x"y,z\n', { fileName: 'a.csv' });
    expect(records.map((r) => r.content)).toEqual([
      { kind: 'text', text: 'A 27" screen' },
      { kind: 'text', text: '"x"y' },
    ]);
  });

  it('parses a JSON messages column for chat data', async () => {
    const csv =
      'id,messages\nc1,"[{""role"":""user"",""content"":""Hi""},{""role"":""assistant"",""content"":""Hello""}]"\n';
    const { records } = await readAll(csv, { fileName: 'chats.csv' });
    expect(records[0]).toMatchObject({
      id: 'c1',
      content: { kind: 'chat', messages: [{ role: 'user' }, { role: 'assistant' }] },
    });
  });

  it('reads many rows in batches, in order', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `q${i},a${i}`);
    const { records } = await readAll(
      ['question,answer', ...rows].join('\n'),
      { fileName: 'big.csv', mapping: qa },
      4096,
    );
    expect(records).toHaveLength(2500);
    expect(records[2499]).toMatchObject({ content: { prompt: 'q2499' }, provenance: { line: 2501 } });
  });
});

describe('readRecords: TSV', () => {
  it('splits on tabs, one record per line, quotes kept as text', async () => {
    const tsv = 'prompt\tcompletion\tlang\n"Quoted" prompt\tAnswer\ten\nNo tabs here\n';
    const { records, rejects } = await readAll(tsv, { fileName: 'data.tsv' });
    expect(records[0]).toMatchObject({
      content: { prompt: '"Quoted" prompt', completion: 'Answer' },
      metadata: { lang: 'en' },
    });
    expect(rejects.map((r) => r.reason)).toEqual(['ragged-row']);
  });
});
