import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import type { DataRecord, RecordReject } from './data-record';
import { readRecords, type ReadRecordsOptions } from './read-records';

const fixtures = join(__dirname, '..', 'fixtures');

async function readAll(input: AsyncIterable<Buffer> | NodeJS.ReadableStream, options: ReadRecordsOptions) {
  const records: DataRecord[] = [];
  const rejects: RecordReject[] = [];
  for await (const result of readRecords(input, options)) {
    if ('record' in result) records.push(result.record);
    else rejects.push(result.reject);
  }
  return { records, rejects };
}

function of(...buffers: Buffer[]): Readable {
  return Readable.from(buffers);
}

async function spoolDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('llmops-spool-'));
}

describe('readRecords: Parquet', () => {
  it('reads rows across row groups with a mapping, converting Parquet types to JSON', async () => {
    const before = await spoolDirs();
    const { records, rejects } = await readAll(createReadStream(join(fixtures, 'support-tickets.parquet')), {
      fileName: 'support-tickets.parquet',
      mapping: {
        shape: 'prompt-completion',
        fields: { prompt: 'question', completion: 'answer' },
        idField: 'ticket_id',
        provenance: { producer: 'helpdesk-export', license: 'proprietary' },
      },
    });
    expect(records.map((r) => r.id)).toEqual(['101', '102', '103', '105']);
    expect(records[2]).toEqual({
      id: '103',
      content: {
        kind: 'prompt-completion',
        prompt: 'Why was my card declined?',
        completion: 'Your bank declined it; ask them, or try another card.',
      },
      metadata: { csat: 2.5, tags: ['billing', 'payments'], created: '2024-05-03T09:30:00.000Z' },
      provenance: {
        producer: 'helpdesk-export',
        license: 'proprietary',
        file: 'support-tickets.parquet',
        line: 3,
      },
    });
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: 'missing-field',
        line: 4,
        message: 'row 4: field "answer" is missing',
      }),
    ]);
    // The spooled copy is deleted once reading ends.
    expect(await spoolDirs()).toEqual(before);
  });

  it('reads GZIP pages and chat columns of structs, validating roles', async () => {
    const { records, rejects } = await readAll(createReadStream(join(fixtures, 'chats-gzip.parquet')), {
      fileName: 'chats.parquet',
      mapping: { shape: 'chat', fields: { messages: 'conversation' } },
    });
    expect(records).toHaveLength(2);
    expect(records[1]?.content).toEqual({
      kind: 'chat',
      messages: [
        { role: 'user', content: 'Cancel my subscription.' },
        { role: 'assistant', content: 'Done. You keep access until the end of the month.' },
      ],
    });
    expect(records[0]?.metadata).toEqual({ language: 'en' });
    expect(rejects.map((r) => [r.reason, r.line])).toEqual([['invalid-message', 3]]);
  });

  it('reads gzip-compressed Parquet and detects Parquet by its magic bytes', async () => {
    const bytes = await readFile(join(fixtures, 'chats-gzip.parquet'));
    const options = { mapping: { fields: { messages: 'conversation' } } };
    expect(
      (await readAll(of(gzipSync(bytes)), { fileName: 'c.parquet.gz', ...options })).records,
    ).toHaveLength(2);
    expect((await readAll(of(bytes), { fileName: 'upload', ...options })).records).toHaveLength(2);
  });

  it('throws corrupt-parquet for a file that is not Parquet, and cleans up', async () => {
    const before = await spoolDirs();
    await expect(
      readAll(of(Buffer.from('PAR1 this is not really parquet at all')), { fileName: 'broken.parquet' }),
    ).rejects.toMatchObject({
      code: 'corrupt-parquet',
    });
    expect(await spoolDirs()).toEqual(before);
  });
});
