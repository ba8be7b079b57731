import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Client } from 'minio';
import { S3ObjectStore, type S3ObjectStoreOptions } from '../src/drivers/s3-object-store';
import { StorageIntegrityError } from '../src/errors/storage-integrity.error';
import { StorageNotFoundError } from '../src/errors/storage-not-found.error';
import { rawClient, s3OptionsFromEnv } from './s3-test-env';

// The project-level testTimeout is not applied to per-project configs; set it where it is needed.
jest.setTimeout(120_000);

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Deterministic pseudo-random bytes, generated chunk by chunk and never held whole. */
function* patternChunks(totalBytes: number, chunkBytes: number): Generator<Buffer> {
  let seed = 0x2545f491;
  for (let offset = 0; offset < totalBytes; offset += chunkBytes) {
    const chunk = Buffer.alloc(Math.min(chunkBytes, totalBytes - offset));
    for (let i = 0; i < chunk.length; i += 4) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      chunk.writeUInt32LE(seed, i);
    }
    yield chunk;
  }
}

describe('S3ObjectStore against a real S3-compatible server', () => {
  // One prefix per run, so parallel or repeated runs never see each other's objects.
  const prefix = `it/storage/${Date.now()}-${randomUUID().slice(0, 8)}/`;
  let options: S3ObjectStoreOptions;
  let store: S3ObjectStore;
  let raw: Client;
  let ready = false;

  beforeAll(async () => {
    options = s3OptionsFromEnv();
    store = new S3ObjectStore(options);
    raw = rawClient(options);
    await store.ensureReady();
    ready = true;
  });

  afterAll(async () => {
    if (!ready) return;
    for (const key of await store.listAll(prefix)) await store.delete(key);
  });

  it('is ready and answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    await expect(store.ensureReady()).resolves.toBeUndefined();
  });

  it('round-trips a small object, with its record in stat', async () => {
    const key = `${prefix}small/manifest.json`;
    const body = Buffer.from(JSON.stringify({ shards: 2, rows: 1000 }));
    const stored = await store.put(key, body, {
      contentType: 'application/json',
      metadata: { 'dataset-id': 'ds1' },
    });

    const expected = {
      key,
      uri: `s3://${options.bucket}/${key}`,
      sha256: sha256(body),
      size: body.length,
      contentType: 'application/json',
      metadata: { 'dataset-id': 'ds1' },
    };
    expect(stored).toEqual(expected);
    expect(await store.stat(key)).toEqual(expected);
    expect(await store.exists(key)).toBe(true);
    expect((await store.getBuffer(key)).equals(body)).toBe(true);

    // The headers also sit on the object itself, for presigned downloads and other tools.
    const info = await raw.statObject(options.bucket, key);
    expect(info.metaData).toMatchObject({ 'content-type': 'application/json', 'dataset-id': 'ds1' });
  });

  it('round-trips empty objects and keys with spaces and non-ASCII characters', async () => {
    const empty = await store.put(`${prefix}odd/empty`, Readable.from([]));
    expect(empty).toMatchObject({ size: 0, sha256: sha256('') });
    expect((await store.getBuffer(`${prefix}odd/empty`)).length).toBe(0);

    const key = `${prefix}odd/ünï cødé+plus%25 (1).txt`;
    await store.put(key, 'spécial');
    expect((await store.getBuffer(key)).toString('utf8')).toBe('spécial');
    expect(await store.listAll(`${prefix}odd/`)).toEqual(expect.arrayContaining([key, `${prefix}odd/empty`]));
  });

  it('streams 20 MiB from a generator as a multipart upload and reads it back verified', async () => {
    const key = `${prefix}large/shard-000.bin`;
    const total = 20 * MiB;
    const expected = createHash('sha256');
    for (const chunk of patternChunks(total, 256 * 1024)) expected.update(chunk);
    const uploadPart = jest.spyOn(Client.prototype, 'uploadPart');

    try {
      const stored = await store.put(key, Readable.from(patternChunks(total, 256 * 1024)));
      // 20 MiB in 5 MiB parts: proof that the multipart path ran against the server.
      expect(uploadPart).toHaveBeenCalledTimes(4);
      expect(stored).toMatchObject({ size: total, sha256: expected.digest('hex') });
    } finally {
      uploadPart.mockRestore();
    }

    const stat = await store.stat(key);
    expect(stat.size).toBe(total);
    expect(stat.sha256).toMatch(/^[0-9a-f]{64}$/);

    const hash = createHash('sha256');
    let read = 0;
    for await (const chunk of (await store.get(key)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      read += chunk.length;
    }
    expect(read).toBe(total);
    expect(hash.digest('hex')).toBe(stat.sha256);
  });

  it('aborts a multipart upload whose body fails midway and keeps the previous object', async () => {
    const key = `${prefix}large/failing.bin`;
    await store.put(key, 'previous');
    function* failing(): Generator<Buffer> {
      yield* patternChunks(12 * MiB, MiB);
      throw new Error('producer crashed');
    }
    await expect(store.put(key, Readable.from(failing()))).rejects.toThrow('producer crashed');
    expect((await store.getBuffer(key)).toString()).toBe('previous');
    // The parts already sent were discarded, not left to accumulate as an incomplete upload.
    const pending = await raw.listIncompleteUploadsQuery(options.bucket, key, '', '', '');
    expect(pending.uploads).toEqual([]);
  });

  it('fails the read with STORAGE_INTEGRITY when the bytes were replaced behind its back', async () => {
    const key = `${prefix}tamper/model-card.md`;
    const original = '# Model card\nTrained on ds1 v3.\n';
    await store.put(key, original, { contentType: 'text/markdown' });
    // Same length, different bytes, written with the raw client: the recorded hash is left as it was.
    const forged = original.replace('ds1 v3', 'ds9 v9');
    await raw.putObject(options.bucket, key, Buffer.from(forged), forged.length, {
      'Content-Type': 'text/markdown',
    });

    expect((await store.stat(key)).sha256).toBe(sha256(original));
    const stream = await store.get(key);
    await expect(readStream(stream)).rejects.toMatchObject({
      code: 'STORAGE_INTEGRITY',
      expected: { sha256: sha256(original) },
      actual: { sha256: sha256(forged) },
    });
    await expect(store.getBuffer(key)).rejects.toBeInstanceOf(StorageIntegrityError);
    expect((await readStream(await store.get(key, { verify: false }))).toString()).toBe(forged);
  });

  it('serves a presigned GET that fetch can download', async () => {
    const key = `${prefix}presign/report.json`;
    const body = Buffer.from('{"bleu":0.42}');
    await store.put(key, body, { contentType: 'application/json' });

    const url = await store.presignGet(key, 60);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);

    await expect(store.presignGet(`${prefix}presign/missing`, 60)).rejects.toBeInstanceOf(
      StorageNotFoundError,
    );
  });

  it('accepts a presigned PUT, then commits it with seal', async () => {
    const key = `${prefix}presign/upload.jsonl`;
    const body = '{"prompt":"hi","completion":"hello"}\n';
    const url = await store.presignPut(key, 60);
    const response = await fetch(url, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(response.status).toBe(200);

    // Uploaded but not sealed: not visible yet.
    await expect(store.stat(key)).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    await expect(store.seal(key, { expectedSha256: sha256('something else') })).rejects.toMatchObject({
      code: 'STORAGE_INTEGRITY',
    });

    const sealed = await store.seal(key, { expectedSha256: sha256(body) });
    expect(sealed).toMatchObject({
      sha256: sha256(body),
      size: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
    });
    expect((await store.getBuffer(key)).toString()).toBe(body);
  });

  it('lists committed keys by prefix across pages', async () => {
    const base = `${prefix}list/`;
    const keys = ['runs/r1/a', 'runs/r1/ckpt/1', 'runs/r10/a', 'runs/r2/a', 'models/m/1/card.md'].map(
      (k) => base + k,
    );
    for (const key of keys) await store.put(key, key);
    // Bytes without a record are not committed, so they are not listed.
    await raw.putObject(options.bucket, `${base}runs/r1/orphan`, Buffer.from('x'), 1);

    const paged = new S3ObjectStore({ ...options, listPageSize: 2 });
    const sorted = async (p: string) => (await paged.listAll(p)).sort();
    expect(await sorted(`${base}runs/r1/`)).toEqual([`${base}runs/r1/a`, `${base}runs/r1/ckpt/1`]);
    expect(await sorted(`${base}runs/r1`)).toEqual([
      `${base}runs/r1/a`,
      `${base}runs/r1/ckpt/1`,
      `${base}runs/r10/a`,
    ]);
    expect(await sorted(base)).toEqual([...keys].sort());
    expect(await sorted(`${base}none/`)).toEqual([]);
    await raw.removeObject(options.bucket, `${base}runs/r1/orphan`);
  });

  it('deletes, after which the key is NOT_FOUND, and deleting again is harmless', async () => {
    const key = `${prefix}delete/me.txt`;
    await store.put(key, 'bye');
    await store.delete(key);

    await expect(store.get(key)).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND', key });
    await expect(store.stat(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await store.exists(key)).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
    await expect(raw.statObject(options.bucket, key)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('rejects invalid keys before reaching the server', async () => {
    await expect(store.put('../escape', 'x')).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
    await expect(store.get('/abs')).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
  });

  it('reports an unreachable server as unavailable', async () => {
    const down = new S3ObjectStore({ ...options, endpoint: 'http://127.0.0.1:1' });
    await expect(down.ping()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
