import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { StorageIntegrityError } from '../errors/storage-integrity.error';
import { StorageKeyError } from '../errors/storage-key.error';
import { StorageNotFoundError } from '../errors/storage-not-found.error';
import { FsObjectStore } from './fs-object-store';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('FsObjectStore', () => {
  let root: string;
  let store: FsObjectStore;

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'llmops-fs-store-'));
    store = new FsObjectStore({ dir: root });
    await store.ensureReady();
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  describe('round trip', () => {
    it('stores a buffer and returns its record', async () => {
      const body = Buffer.from('{"rows":3}');
      const stored = await store.put('datasets/ds1/v1/manifest.json', body, {
        contentType: 'application/json',
        metadata: { 'dataset-id': 'ds1' },
      });

      expect(stored).toEqual({
        key: 'datasets/ds1/v1/manifest.json',
        uri: 's3://llmops/datasets/ds1/v1/manifest.json',
        sha256: sha256(body),
        size: body.length,
        contentType: 'application/json',
        metadata: { 'dataset-id': 'ds1' },
      });
      expect(await store.stat('datasets/ds1/v1/manifest.json')).toEqual(stored);
      expect((await store.getBuffer('datasets/ds1/v1/manifest.json')).equals(body)).toBe(true);
    });

    it('stores strings and streams, and empty objects', async () => {
      await store.put('s.txt', 'héllo');
      expect((await store.getBuffer('s.txt')).toString('utf8')).toBe('héllo');

      const stored = await store.put(
        'stream.bin',
        Readable.from([Buffer.from('ab'), 'cd', new Uint8Array([101])]),
      );
      expect(stored).toMatchObject({
        size: 5,
        sha256: sha256('abcde'),
        contentType: 'application/octet-stream',
      });
      expect((await store.getBuffer('stream.bin')).toString()).toBe('abcde');

      const empty = await store.put('empty', Readable.from([]));
      expect(empty).toMatchObject({ size: 0, sha256: sha256('') });
      expect((await store.getBuffer('empty')).length).toBe(0);
    });

    it('overwrites a key', async () => {
      await store.put('k', 'one');
      const second = await store.put('k', 'two!');
      expect(second.sha256).toBe(sha256('two!'));
      expect((await store.getBuffer('k')).toString()).toBe('two!');
    });

    it('keeps the bucket layout on disk: bytes at <dir>/<key>, record at .llmops/meta/<key>', async () => {
      await store.put('runs/r1/metrics.jsonl', 'x');
      expect(await fs.readFile(path.join(root, 'runs/r1/metrics.jsonl'), 'utf8')).toBe('x');
      const record = JSON.parse(
        await fs.readFile(path.join(root, '.llmops/meta/runs/r1/metrics.jsonl'), 'utf8'),
      );
      expect(record).toMatchObject({ version: 1, sha256: sha256('x'), size: 1 });
      expect(await fs.readdir(path.join(root, '.llmops/tmp'))).toEqual([]);
    });
  });

  describe('integrity', () => {
    it('fails the read with STORAGE_INTEGRITY when the file was altered on disk (same size)', async () => {
      await store.put('model/card.md', 'trusted content');
      await fs.writeFile(path.join(root, 'model/card.md'), 'TAMPERED conten');

      const stream = await store.get('model/card.md');
      await expect(readStream(stream)).rejects.toMatchObject({
        code: 'STORAGE_INTEGRITY',
        key: 'model/card.md',
        expected: { sha256: sha256('trusted content'), size: 15 },
        actual: { sha256: sha256('TAMPERED conten'), size: 15 },
      });
      await expect(store.getBuffer('model/card.md')).rejects.toBeInstanceOf(StorageIntegrityError);
    });

    it('detects truncation and growth, already at stat', async () => {
      await store.put('a', 'abcdef');
      await fs.writeFile(path.join(root, 'a'), 'abc');
      await expect(store.stat('a')).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });
      await expect(store.getBuffer('a')).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });

      await fs.writeFile(path.join(root, 'a'), 'abcdefgh');
      await expect(store.getBuffer('a')).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });
    });

    it('returns the raw bytes when verification is turned off', async () => {
      await store.put('a', 'abcdef');
      await fs.writeFile(path.join(root, 'a'), 'zzzzzz');
      expect((await readStream(await store.get('a', { verify: false }))).toString()).toBe('zzzzzz');
    });

    it('reports a corrupt record as STORAGE_INTEGRITY', async () => {
      await store.put('a', 'abc');
      await fs.writeFile(path.join(root, '.llmops/meta/a'), '{"version":1,"sha256":"nope"}');
      await expect(store.stat('a')).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });
    });
  });

  describe('keys and missing objects', () => {
    it.each(['../escape', '/etc/passwd', 'a/../../b', '', 'a//b', '.llmops/meta/x'])(
      'rejects key %j on every operation',
      async (key) => {
        await expect(store.put(key, 'x')).rejects.toBeInstanceOf(StorageKeyError);
        await expect(store.get(key)).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
        await expect(store.stat(key)).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
        await expect(store.delete(key)).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
      },
    );

    it('answers STORAGE_NOT_FOUND for absent keys', async () => {
      await expect(store.get('nope')).rejects.toBeInstanceOf(StorageNotFoundError);
      await expect(store.stat('no/such/key')).rejects.toMatchObject({
        code: 'STORAGE_NOT_FOUND',
        key: 'no/such/key',
      });
      await expect(store.presignGet('nope', 60)).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      expect(await store.exists('nope')).toBe(false);
    });

    it('treats a prefix of other keys as absent', async () => {
      await store.put('dir/file', 'x');
      await expect(store.stat('dir')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      expect(await store.exists('dir')).toBe(false);
    });

    it('hides bytes that have no checksum record (uncommitted)', async () => {
      await fs.writeFile(path.join(root, 'orphan'), 'x');
      await expect(store.get('orphan')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      expect(await store.listAll()).toEqual([]);
    });

    it('refuses a key that would be both an object and a prefix (fs limitation)', async () => {
      await store.put('a', 'x');
      await expect(store.put('a/b', 'y')).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
      await store.put('c/d', 'y');
      await expect(store.put('c', 'x')).rejects.toMatchObject({ code: 'STORAGE_INVALID_KEY' });
      expect(await fs.readdir(path.join(root, '.llmops/tmp'))).toEqual([]);
    });

    it('deletes idempotently', async () => {
      await store.put('k', 'x');
      await store.delete('k');
      await expect(store.get('k')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      expect(await store.exists('k')).toBe(false);
      await expect(store.delete('k')).resolves.toBeUndefined();
    });
  });

  describe('list', () => {
    it('lists committed keys by raw string prefix', async () => {
      for (const key of ['runs/r1/a', 'runs/r1/ckpt/1', 'runs/r10/a', 'runs/r2/a', 'models/m/1/card.md']) {
        await store.put(key, key);
      }
      const sorted = async (prefix?: string) => (await store.listAll(prefix)).sort();

      expect(await sorted('runs/r1/')).toEqual(['runs/r1/a', 'runs/r1/ckpt/1']);
      expect(await sorted('runs/r1')).toEqual(['runs/r1/a', 'runs/r1/ckpt/1', 'runs/r10/a']);
      expect(await sorted('runs/r1/ck')).toEqual(['runs/r1/ckpt/1']);
      expect(await sorted('nothing/')).toEqual([]);
      expect(await sorted()).toEqual([
        'models/m/1/card.md',
        'runs/r1/a',
        'runs/r1/ckpt/1',
        'runs/r10/a',
        'runs/r2/a',
      ]);
    });

    it('rejects unsafe prefixes', async () => {
      await expect(store.listAll('../')).rejects.toBeInstanceOf(StorageKeyError);
    });
  });

  describe('presigned URLs and seal', () => {
    it('presignGet returns a file:// URL of the bytes', async () => {
      await store.put('a/b.txt', 'bytes');
      const url = await store.presignGet('a/b.txt', 60);
      expect(url.startsWith('file://')).toBe(true);
      expect(await fs.readFile(fileURLToPath(url), 'utf8')).toBe('bytes');
      await expect(store.presignGet('a/b.txt', 0)).rejects.toMatchObject({
        code: 'STORAGE_INVALID_ARGUMENT',
      });
    });

    it('presignPut is unsupported', async () => {
      await expect(store.presignPut('a', 60)).rejects.toMatchObject({ code: 'STORAGE_UNSUPPORTED' });
    });

    it('seal commits bytes placed without put, checking the expected digest', async () => {
      await fs.mkdir(path.join(root, 'runs/r1/checkpoints'), { recursive: true });
      await fs.writeFile(path.join(root, 'runs/r1/checkpoints/final.bin'), 'weights');
      await expect(store.stat('runs/r1/checkpoints/final.bin')).rejects.toMatchObject({
        code: 'STORAGE_NOT_FOUND',
      });

      await expect(
        store.seal('runs/r1/checkpoints/final.bin', { expectedSha256: sha256('other') }),
      ).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });
      await expect(store.exists('runs/r1/checkpoints/final.bin')).resolves.toBe(false);

      const sealed = await store.seal('runs/r1/checkpoints/final.bin', { expectedSha256: sha256('weights') });
      expect(sealed).toMatchObject({ sha256: sha256('weights'), size: 7 });
      expect((await store.getBuffer('runs/r1/checkpoints/final.bin')).toString()).toBe('weights');
      await expect(store.seal('missing')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    });
  });

  describe('failures while writing', () => {
    it('leaves nothing behind when the body stream fails', async () => {
      await store.put('k', 'previous');
      function* failing(): Generator<Buffer> {
        yield Buffer.from('partial');
        throw new Error('client went away');
      }
      await expect(store.put('k', Readable.from(failing()))).rejects.toThrow('client went away');
      expect((await store.getBuffer('k')).toString()).toBe('previous');
      expect(await fs.readdir(path.join(root, '.llmops/tmp'))).toEqual([]);
    });

    it('validates content type and metadata', async () => {
      await expect(store.put('k', 'x', { metadata: { Upper: 'x' } })).rejects.toMatchObject({
        code: 'STORAGE_INVALID_ARGUMENT',
      });
      await expect(store.put('k', 'x', { metadata: { ok: 'line\nbreak' } })).rejects.toMatchObject({
        code: 'STORAGE_INVALID_ARGUMENT',
      });
      await expect(store.put('k', 'x', { contentType: '' })).rejects.toMatchObject({
        code: 'STORAGE_INVALID_ARGUMENT',
      });
    });
  });

  describe('readiness', () => {
    it('creates its directories and pings', async () => {
      const fresh = new FsObjectStore({ dir: path.join(root, 'nested/base') });
      await expect(fresh.ping()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      await fresh.ensureReady();
      await expect(fresh.ping()).resolves.toBeUndefined();
    });
  });

  it('streams a large body in and out with bounded memory', async () => {
    const chunk = Buffer.alloc(MiB, 0x5a);
    const parts = 192;
    const expected = createHash('sha256');
    for (let i = 0; i < parts; i++) expected.update(chunk);
    const base = process.memoryUsage().arrayBuffers;
    let peak = 0;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    };
    function* body(): Generator<Buffer> {
      // The same buffer every time: any growth measured comes from the store, not the test.
      for (let i = 0; i < parts; i++) {
        sample();
        yield chunk;
      }
    }

    const stored = await store.put('big/blob.bin', Readable.from(body()));
    expect(stored.size).toBe(parts * MiB);
    expect(stored.sha256).toBe(expected.digest('hex'));
    const writePeak = peak;

    peak = 0;
    let read = 0;
    for await (const piece of (await store.get('big/blob.bin')) as AsyncIterable<Buffer>) {
      read += piece.length;
      sample();
    }
    expect(read).toBe(parts * MiB);
    // A buffering implementation would need the full 192 MiB; allow slack for lazy garbage collection.
    expect(writePeak).toBeLessThan(32 * MiB);
    expect(peak).toBeLessThan(96 * MiB);
  }, 60_000);
});
