import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { StorageIntegrityError } from '../errors/storage-integrity.error';
import { verifyingStream } from './verifying-stream';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('verifyingStream', () => {
  const good = Buffer.from('the recorded content');

  it('passes matching content through and ends', async () => {
    const out = verifyingStream('k', Readable.from([good]), { sha256: sha256(good), size: good.length });
    expect((await drain(out)).equals(good)).toBe(true);
  });

  it('errors at the end when the digest differs', async () => {
    const bad = Buffer.from('the recorded CONTENT');
    const out = verifyingStream('k', Readable.from([bad]), { sha256: sha256(good), size: good.length });
    await expect(drain(out)).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY', key: 'k' });
  });

  it('errors as soon as more bytes than recorded arrive', async () => {
    const out = verifyingStream('k', Readable.from([good, good]), {
      sha256: sha256(good),
      size: good.length,
    });
    await expect(drain(out)).rejects.toBeInstanceOf(StorageIntegrityError);
  });

  it('errors when fewer bytes than recorded arrive', async () => {
    const out = verifyingStream('k', Readable.from([good.subarray(0, 3)]), {
      sha256: sha256(good),
      size: good.length,
    });
    await expect(drain(out)).rejects.toMatchObject({ code: 'STORAGE_INTEGRITY' });
  });

  it('forwards a source failure', async () => {
    const source = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    const out = verifyingStream('k', source, { sha256: sha256(good), size: good.length });
    await expect(drain(out)).rejects.toThrow('connection reset');
  });

  it('destroys the source when the reader gives up', async () => {
    const source = Readable.from([good, good, good]);
    const out = verifyingStream('k', source, { sha256: sha256(good), size: good.length * 3 });
    out.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });
});
