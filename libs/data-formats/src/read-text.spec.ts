import { Readable } from 'node:stream';

import type { DataRecord, RecordReject } from './data-record';
import { readRecords, type ReadRecordsOptions } from './read-records';
import { recordText } from './record-text';

async function readAll(text: Buffer | string, options: ReadRecordsOptions) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
  const records: DataRecord[] = [];
  const rejects: RecordReject[] = [];
  for await (const result of readRecords(Readable.from(chunks), options)) {
    if ('record' in result) records.push(result.record);
    else rejects.push(result.reject);
  }
  return { records, rejects };
}

const markdown = `# Returns policy

You can return items within 30 days.

\`\`\`text
Step 1: open Orders

Step 2: choose Return
\`\`\`

Refunds take 5 days.
`;

describe('readRecords: text and Markdown', () => {
  it('reads a whole file as one text record by default', async () => {
    const { records } = await readAll('Line one.\nLine two.\n', { fileName: 'note.txt', producer: 'wiki' });
    expect(records).toEqual([
      {
        id: 'note.txt:1',
        content: { kind: 'text', text: 'Line one.\nLine two.' },
        metadata: {},
        provenance: { producer: 'wiki', file: 'note.txt', line: 1 },
      },
    ]);
  });

  it('splits Markdown into paragraphs without splitting fenced code', async () => {
    const { records } = await readAll(markdown, { fileName: 'returns.md', textUnit: 'paragraph' });
    expect(records.map((r) => [recordText(r), r.provenance.line])).toEqual([
      ['# Returns policy', 1],
      ['You can return items within 30 days.', 3],
      ['```text\nStep 1: open Orders\n\nStep 2: choose Return\n```', 5],
      ['Refunds take 5 days.', 11],
    ]);
  });

  it('reads one record per non-blank line', async () => {
    const { records } = await readAll('alpha\n\n  \nbeta\r\ngamma', {
      fileName: 'lines.txt',
      textUnit: 'line',
    });
    expect(records.map((r) => [recordText(r), r.provenance.line])).toEqual([
      ['alpha', 1],
      ['beta', 4],
      ['gamma', 5],
    ]);
  });

  it('rejects an over-large unit or invalid UTF-8 and reads on', async () => {
    const text = Buffer.concat([
      Buffer.from(`short\n\n${'long '.repeat(50)}\n\nbad `),
      Buffer.from([0xfe]),
      Buffer.from('\n\nfine\n'),
    ]);
    const { records, rejects } = await readAll(text, {
      fileName: 'notes.txt',
      textUnit: 'paragraph',
      limits: { maxRecordBytes: 100 },
    });
    expect(records.map(recordText)).toEqual(['short', 'fine']);
    expect(rejects.map((r) => [r.reason, r.line])).toEqual([
      ['record-too-large', 3],
      ['invalid-utf8', 5],
    ]);
  });
});
