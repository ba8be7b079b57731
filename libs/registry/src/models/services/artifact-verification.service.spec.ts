import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AppError } from '@llmops/http';
import { FsObjectStore } from '@llmops/storage';
import { ArtifactVerificationService } from './artifact-verification.service';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Against the real filesystem store (the standalone driver): same integrity model as S3. */
describe('ArtifactVerificationService', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-artifacts-'));
  const store = new FsObjectStore({ dir });
  const service = new ArtifactVerificationService(store);

  beforeAll(() => store.ensureReady());
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function failure(promise: Promise<unknown>): Promise<AppError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected verification to fail');
  }

  it('returns stored artifacts whose checksum matches', async () => {
    const object = await store.put('models/m/weights.bin', 'weights');
    const [artifact] = await service.verify([
      { key: 'models/m/weights.bin', sha256: sha256('weights'), role: 'model' },
    ]);
    expect(artifact).toEqual({ uri: object.uri, sha256: sha256('weights'), size: 7, role: 'model' });
  });

  it('answers 422 CHECKSUM_MISMATCH naming the artifact when sha256 or size differ', async () => {
    await store.put('models/m/a.bin', 'aaa');
    const error = await failure(
      service.verify([
        { key: 'models/m/a.bin', sha256: sha256('aaa'), role: 'model' },
        { key: 'models/m/a.bin', sha256: sha256('bbb'), role: 'tokenizer' },
        { key: 'models/m/a.bin', sha256: sha256('aaa'), size: 4, role: 'config' },
      ]),
    );
    expect(error).toMatchObject({ code: 'CHECKSUM_MISMATCH', status: 422 });
    expect(error.errors?.map((e) => e.path)).toEqual(['artifacts.1.sha256', 'artifacts.2.sha256']);
  });

  it('answers 422 ARTIFACT_NOT_FOUND for a key the store does not hold', async () => {
    const error = await failure(
      service.verify([{ key: 'models/m/absent.bin', sha256: sha256('x'), role: 'model' }]),
    );
    expect(error).toMatchObject({ code: 'ARTIFACT_NOT_FOUND', status: 422 });
  });

  it('seals bytes uploaded behind the store (presigned PUT) only when they match', async () => {
    mkdirSync(path.join(dir, 'uploads'), { recursive: true });
    writeFileSync(path.join(dir, 'uploads', 'good.bin'), 'uploaded');
    writeFileSync(path.join(dir, 'uploads', 'bad.bin'), 'tampered');
    const [sealed] = await service.verify([
      { key: 'uploads/good.bin', sha256: sha256('uploaded'), role: 'model' },
    ]);
    expect(sealed?.sha256).toBe(sha256('uploaded'));
    expect((await store.stat('uploads/good.bin')).size).toBe(8);

    const error = await failure(
      service.verify([{ key: 'uploads/bad.bin', sha256: sha256('uploaded'), role: 'model' }]),
    );
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(await store.exists('uploads/bad.bin')).toBe(false);
  });

  it('refuses an s3 URI the store does not answer to', async () => {
    await store.put('models/m/c.bin', 'c');
    const error = await failure(
      service.verify([{ uri: 's3://elsewhere/models/m/c.bin', sha256: sha256('c'), role: 'model' }]),
    );
    expect(error.code).toBe('ARTIFACT_NOT_IN_STORE');
  });
});
