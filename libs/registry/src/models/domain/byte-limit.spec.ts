import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { FsObjectStore } from '@llmops/storage';
import { checkArtifact } from './artifact-checksum';
import { ByteLimitExceededError, limitBytes } from './byte-limit';

const chunks = (...sizes: number[]): Readable => Readable.from(sizes.map((n) => Buffer.alloc(n, 7)));

async function drain(source: AsyncIterable<Buffer>): Promise<number[]> {
  const seen: number[] = [];
  for await (const chunk of source) seen.push(chunk.length);
  return seen;
}

describe('limitBytes', () => {
  it('passes a stream at or under the limit through unchanged, calling onChunk per chunk', async () => {
    let calls = 0;
    const seen = await drain(
      limitBytes(chunks(3, 4, 3), 10, () => {
        calls += 1;
      }),
    );
    expect(seen).toEqual([3, 4, 3]);
    expect(calls).toBe(3);
  });

  it('throws before handing on the chunk that crosses the limit', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const chunk of limitBytes(chunks(4, 4, 4), 10)) seen.push(chunk.length);
    };
    await expect(run()).rejects.toBeInstanceOf(ByteLimitExceededError);
    expect(seen).toEqual([4, 4]);
  });

  it('accepts string and Uint8Array chunks', async () => {
    const source = Readable.from(['ab', new Uint8Array([1, 2, 3])], { objectMode: true });
    expect(await drain(limitBytes(source, 5))).toEqual([2, 3]);
  });

  describe('streamed into the object store', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-limit-'));
    const store = new FsObjectStore({ dir });
    beforeAll(() => store.ensureReady());
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('commits nothing when the body goes past the limit', async () => {
      const body = Readable.from(limitBytes(chunks(64 * 1024, 64 * 1024), 100_000));
      await expect(store.put('imports/too-big.bin', body)).rejects.toBeInstanceOf(ByteLimitExceededError);
      expect(await store.exists('imports/too-big.bin')).toBe(false);
    });

    it('commits a body under the limit with the checksum the declared one is compared with', async () => {
      const bytes = Buffer.alloc(100_000, 7);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const stored = await store.put(
        'imports/ok.bin',
        Readable.from(limitBytes(chunks(50_000, 50_000), 100_000)),
      );
      expect(stored).toMatchObject({ sha256, size: 100_000 });
      const declared = { key: stored.key, uri: null, sha256, size: 100_000 };
      expect(checkArtifact(declared, stored)).toBeNull();
      expect(checkArtifact({ ...declared, size: 99_999 }, stored)?.code).toBe('CHECKSUM_MISMATCH');
    });
  });
});
