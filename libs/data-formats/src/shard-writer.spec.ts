import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';

import type { DataRecord } from './data-record';
import { readShard } from './read-shard';
import { ShardWriter } from './shard-writer';

function record(i: number): DataRecord {
  return {
    id: `rec-${i}`,
    content:
      i % 2 === 0
        ? { kind: 'text', text: `Note ${i}: restart the router.` }
        : {
            kind: 'chat',
            messages: [
              { role: 'user', content: `Hi ${i}` },
              { role: 'assistant', content: 'Hello!' },
            ],
          },
    metadata: { lang: 'en', n: i },
    provenance: { producer: 'crm', license: 'CC-BY-4.0', file: 'in.jsonl', line: i + 1 },
  };
}

async function collect(iterable: AsyncIterable<DataRecord>): Promise<DataRecord[]> {
  const out: DataRecord[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('ShardWriter and readShard', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shard-spec-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rolls over by record count and names shards by the sha256 of their gzip bytes', async () => {
    const writer = new ShardWriter({ dir, maxRecordsPerShard: 4 });
    for (let i = 0; i < 10; i++) await writer.write('train', record(i));
    const shards = await writer.close();
    expect(shards.map((s) => [s.records, s.split])).toEqual([
      [4, 'train'],
      [4, 'train'],
      [2, 'train'],
    ]);
    for (const shard of shards) {
      const bytes = await readFile(shard.path);
      expect(shard.bytes).toBe(bytes.length);
      expect(shard.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(basename(shard.path)).toBe(`${shard.sha256}.jsonl.gz`);
    }
    expect((await readdir(dir)).sort()).toEqual(shards.map((s) => basename(s.path)).sort());
    const first = gunzipSync(await readFile(shards[0]!.path))
      .toString()
      .split('\n');
    expect(JSON.parse(first[0]!)).toEqual(record(0));
    expect(Object.keys(JSON.parse(first[0]!) as object)).toEqual(['id', 'content', 'metadata', 'provenance']);
  });

  it('keeps one open shard per split, so no shard mixes splits', async () => {
    const writer = new ShardWriter({ dir, maxRecordsPerShard: 3 });
    const splits = ['train', 'test', 'train', 'validation', 'train', 'train', 'test'] as const;
    for (const [i, split] of splits.entries()) await writer.write(split, record(i));
    const shards = await writer.close();
    expect(shards.map((s) => [s.split, s.records])).toEqual([
      ['train', 3],
      ['train', 1],
      ['validation', 1],
      ['test', 2],
    ]);
    const testIds = (await collect(readShard(createReadStream(shards[3]!.path)))).map((r) => r.id);
    expect(testIds).toEqual(['rec-1', 'rec-6']);
  });

  it('round-trips records through readShard', async () => {
    const writer = new ShardWriter({ dir, maxRecordsPerShard: 1000 });
    const written = Array.from({ length: 2500 }, (_, i) => record(i));
    for (const r of written) await writer.write('test', r);
    const shards = await writer.close();
    const read: DataRecord[] = [];
    for (const shard of shards) read.push(...(await collect(readShard(createReadStream(shard.path)))));
    expect(read).toEqual(written);
  });

  it('rolls over by compressed size', async () => {
    const writer = new ShardWriter({
      dir,
      maxBytesPerShard: 20_000,
      gzipLevel: 1,
    });
    const noisy = (i: number): DataRecord => ({
      ...record(i),
      content: { kind: 'text', text: createHash('sha512').update(String(i)).digest('base64').repeat(8) },
    });
    for (let i = 0; i < 3000; i++) await writer.write('validation', noisy(i));
    const shards = await writer.close();
    expect(shards.length).toBeGreaterThan(5);
    expect(shards.reduce((n, s) => n + s.records, 0)).toBe(3000);
    for (const shard of shards.slice(0, -1)) expect(shard.bytes).toBeLessThan(20_000 + 80_000);
  });

  it('writes nothing for no records, and abort removes what was written', async () => {
    expect(await new ShardWriter({ dir }).close()).toEqual([]);
    const writer = new ShardWriter({ maxRecordsPerShard: 2 });
    for (let i = 0; i < 5; i++) await writer.write('train', record(i));
    const written = writer.directory!;
    await writer.abort();
    await expect(readdir(written)).rejects.toThrow();
  });

  it('throws corrupt-shard on a line that is not a record', async () => {
    const bad = gzipSync(`${JSON.stringify(record(1))}\n{"hello":"world"}\n`);
    await expect(collect(readShard(Readable.from([bad])))).rejects.toMatchObject({
      code: 'corrupt-shard',
      message: expect.stringContaining('shard line 2'),
    });
  });
});
