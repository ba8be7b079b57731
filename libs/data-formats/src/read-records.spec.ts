import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import type { DataRecord, RecordReject } from './data-record';
import { readRecords, type ReadRecordsOptions } from './read-records';
import { ReadRecordsError, type ReadRecordsErrorCode } from './read-records-error';

/** Feed bytes in chunks of `size` so every test also crosses chunk boundaries. */
function chunked(bytes: Buffer, size = 7): Readable {
  function* chunks(): Generator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  return Readable.from(chunks());
}

async function readAll(bytes: Buffer | string, options: ReadRecordsOptions, chunkSize?: number) {
  const input = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const records: DataRecord[] = [];
  const rejects: RecordReject[] = [];
  for await (const result of readRecords(chunked(input, chunkSize), options)) {
    if ('record' in result) records.push(result.record);
    else rejects.push(result.reject);
  }
  return { records, rejects };
}

async function errorCode(bytes: Buffer | string, options: ReadRecordsOptions): Promise<ReadRecordsErrorCode> {
  try {
    await readAll(bytes, options);
  } catch (error) {
    if (error instanceof ReadRecordsError) return error.code;
    throw error;
  }
  throw new Error('expected readRecords to throw');
}

const jsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

describe('readRecords: JSON Lines', () => {
  it('reads records, skipping blank lines, with CRLF endings and a BOM', async () => {
    const input =
      '\uFEFF{"prompt":"Where is my order?","completion":"It ships today."}\r\n\r\n   \n{"text":"Plain note.","lang":"en"}';
    const { records, rejects } = await readAll(input, { fileName: 'orders.jsonl', producer: 'crm' });
    expect(rejects).toEqual([]);
    expect(records).toEqual([
      {
        id: 'orders.jsonl:1',
        content: { kind: 'prompt-completion', prompt: 'Where is my order?', completion: 'It ships today.' },
        metadata: {},
        provenance: { producer: 'crm', file: 'orders.jsonl', line: 1 },
      },
      {
        id: 'orders.jsonl:4',
        content: { kind: 'text', text: 'Plain note.' },
        metadata: { lang: 'en' },
        provenance: { producer: 'crm', file: 'orders.jsonl', line: 4 },
      },
    ]);
  });

  it('rejects bad lines with their line number and reads on', async () => {
    const bad = Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]); // {"text":"\xC3("}
    const input = Buffer.concat([
      Buffer.from('{"text":"ok 1"}\n{"text": "unterminated\n[1,2]\n'),
      bad,
      Buffer.from(`\n{"text":"${'x'.repeat(200)}"}\n{"question":"no answer"}\n{"text":"ok 7"}\n`),
    ]);
    const { records, rejects } = await readAll(input, {
      fileName: 'mixed.jsonl',
      limits: { maxLineBytes: 100 },
    });
    expect(records.map((r) => r.provenance.line)).toEqual([1, 7]);
    expect(rejects.map((r) => [r.reason, r.line])).toEqual([
      ['invalid-json', 2],
      ['not-an-object', 3],
      ['invalid-utf8', 4],
      ['line-too-long', 5],
      ['unknown-shape', 6],
    ]);
    expect(rejects[0]?.message).toMatch(/^line 2: .*JSON/);
    expect(rejects[0]?.raw).toBe('{"text": "unterminated');
    expect(rejects[1]?.message).toBe('line 3: expected a JSON object, got an array');
    expect(rejects[3]?.message).toBe('line 5: line is 211 bytes, over the 100-byte limit');
    expect(rejects[3]?.raw).toMatch(/^\{"text":"x+$/);
  });

  it('gives the same results whatever the chunking', async () => {
    const input = jsonl([{ text: 'a' }, { text: 'é ü 漢字 🙂' }, { prompt: 'p', completion: '' }]);
    const expected = await readAll(input, { fileName: 'x.jsonl' }, 1 << 16);
    for (const size of [1, 2, 3, 5, 13])
      expect(await readAll(input, { fileName: 'x.jsonl' }, size)).toEqual(expected);
    expect(expected.records[1]?.content).toEqual({ kind: 'text', text: 'é ü 漢字 🙂' });
  });

  it('applies the mapping', async () => {
    const input = jsonl([
      { q: 'How?', a: 'Thus.', ticket: 'T-9', team: 'billing' },
      { q: 'Why?', ticket: 'T-10' },
    ]);
    const { records, rejects } = await readAll(input, {
      fileName: 'tickets.jsonl',
      mapping: {
        shape: 'prompt-completion',
        fields: { prompt: 'q', completion: 'a' },
        idField: 'ticket',
        provenance: { producer: 'zendesk', license: 'proprietary' },
      },
    });
    expect(records[0]).toMatchObject({
      id: 'T-9',
      metadata: { team: 'billing' },
      provenance: { producer: 'zendesk', license: 'proprietary' },
    });
    expect(rejects[0]).toMatchObject({
      reason: 'missing-field',
      line: 2,
      message: 'line 2: field "a" is missing',
    });
  });
});

describe('readRecords: JSON arrays', () => {
  it('reads a .json array element by element', async () => {
    const input =
      '[\n  {"text": "first, with [brackets] and \\"quotes\\""},\n  {"text": "second"},\n  42,\n  {"text": oops}\n]\n';
    const { records, rejects } = await readAll(input, { fileName: 'export.json' });
    expect(records.map((r) => [r.content, r.provenance.line])).toEqual([
      [{ kind: 'text', text: 'first, with [brackets] and "quotes"' }, 2],
      [{ kind: 'text', text: 'second' }, 3],
    ]);
    expect(rejects.map((r) => [r.reason, r.line])).toEqual([
      ['not-an-object', 4],
      ['invalid-json', 5],
    ]);
  });

  it('reports an array that is never closed, and reads .json holding JSON Lines as JSONL', async () => {
    const open = await readAll('[{"text":"a"},{"text":"b"}', { fileName: 'cut.json' });
    expect(open.records).toHaveLength(2);
    expect(open.rejects.map((r) => r.reason)).toEqual(['invalid-json']);
    const lines = await readAll(jsonl([{ text: 'a' }, { text: 'b' }]), { fileName: 'lines.json' });
    expect(lines.records).toHaveLength(2);
  });

  it('rejects an element over maxRecordBytes without keeping it', async () => {
    const input = `[{"text":"${'y'.repeat(500)}"},{"text":"small"}]`;
    const { records, rejects } = await readAll(input, {
      fileName: 'big.json',
      limits: { maxRecordBytes: 100 },
    });
    expect(records).toHaveLength(1);
    expect(rejects[0]?.reason).toBe('record-too-large');
  });
});

describe('readRecords: gzip', () => {
  const plain = jsonl([{ text: 'compressed one' }, { text: 'compressed two' }]);

  it('decompresses by magic bytes, with or without .gz, and concatenated members', async () => {
    expect((await readAll(gzipSync(plain), { fileName: 'a.jsonl.gz' })).records).toHaveLength(2);
    expect((await readAll(gzipSync(plain), { fileName: 'a.jsonl' })).records).toHaveLength(2);
    const twoMembers = Buffer.concat([gzipSync(plain), gzipSync(plain)]);
    expect((await readAll(twoMembers, { fileName: 'a.jsonl.gz' })).records).toHaveLength(4);
  });

  it('throws corrupt-gzip on a truncated or damaged stream', async () => {
    const gz = gzipSync(plain.repeat(50));
    expect(await errorCode(gz.subarray(0, gz.length - 30), { fileName: 'a.jsonl.gz' })).toBe('corrupt-gzip');
    const damaged = Buffer.from(gz);
    damaged.fill(0xff, 20, 40);
    expect(await errorCode(damaged, { fileName: 'a.jsonl.gz' })).toBe('corrupt-gzip');
  });

  it('stops a gzip bomb early (50 MB of zeros)', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    let pulled = 0;
    function* source(): Generator<Buffer> {
      for (let i = 0; i < bomb.length; i += 1024) {
        pulled += Math.min(1024, bomb.length - i);
        yield bomb.subarray(i, i + 1024);
      }
    }
    await expect(
      readRecords(Readable.from(source()), { fileName: 'bomb.jsonl.gz' }).next(),
    ).rejects.toMatchObject({
      code: 'gzip-ratio-exceeded',
    });
    expect(pulled).toBeLessThan(bomb.length / 2);
  });
});

describe('readRecords: whole-input errors', () => {
  it('throws empty-input for no bytes, blank lines only, or an empty gzip', async () => {
    expect(await errorCode('', { fileName: 'a.jsonl' })).toBe('empty-input');
    expect(await errorCode('\n\n  \n', { fileName: 'a.jsonl' })).toBe('empty-input');
    expect(await errorCode(gzipSync(''), { fileName: 'a.jsonl.gz' })).toBe('empty-input');
    expect(await errorCode('question,answer\n', { fileName: 'a.csv' })).toBe('empty-input');
  });

  it('throws unsupported-media-type listing what is supported', async () => {
    await expect(readAll('%PDF-1.7', { fileName: 'report.pdf' })).rejects.toThrow(
      /supported: JSONL .*CSV .*Parquet/,
    );
    expect(await errorCode('x', { fileName: 'upload', contentType: 'application/pdf' })).toBe(
      'unsupported-media-type',
    );
    expect(await errorCode('binary?', { fileName: 'upload' })).toBe('unsupported-media-type');
  });

  it('detects the format from the content type, then from the bytes', async () => {
    const byType = await readAll('q,a\nhi,there\n', {
      fileName: 'upload',
      contentType: 'text/csv; charset=utf-8',
      mapping: { fields: { prompt: 'q', completion: 'a' } },
    });
    expect(byType.records[0]?.content).toEqual({
      kind: 'prompt-completion',
      prompt: 'hi',
      completion: 'there',
    });
    expect((await readAll(jsonl([{ text: 'a' }]), { fileName: 'upload' })).records).toHaveLength(1);
    expect(
      (await readAll(jsonl([{ text: 'a' }]), { fileName: 'upload.bin', format: 'jsonl' })).records,
    ).toHaveLength(1);
  });

  it('throws input-too-large past maxDecompressedBytes, plain or gzip', async () => {
    const big = jsonl(Array.from({ length: 200 }, (_, i) => ({ text: `record ${i}` })));
    expect(await errorCode(big, { fileName: 'a.jsonl', limits: { maxDecompressedBytes: 1000 } })).toBe(
      'input-too-large',
    );
    expect(
      await errorCode(gzipSync(big), { fileName: 'a.jsonl.gz', limits: { maxDecompressedBytes: 1000 } }),
    ).toBe('input-too-large');
  });
});
