import { Injectable } from '@nestjs/common';
import type { ModelArtifact } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { isStorageError, ObjectStore, type StoredObject } from '@llmops/storage';
import {
  checkArtifact,
  keyFromS3Uri,
  primaryProblemCode,
  type DeclaredArtifact,
} from '../domain/artifact-checksum';
import type { ManualArtifact } from '../dtos/register-model-version.dto';

interface Problem {
  path: string;
  code: string;
  message: string;
}

/**
 * Checks manually registered artifacts against the object store: each must exist and carry the declared
 * sha256 (and size). Objects uploaded through a presigned URL have no checksum record yet; they are
 * sealed here, which reads them once and commits only if the sha256 matches.
 */
@Injectable()
export class ArtifactVerificationService {
  constructor(private readonly store: ObjectStore) {}

  /**
   * The verified artifacts (URIs as the store reports them) in request order, null in the place of
   * those given by `url` (downloaded elsewhere), or 422 listing every bad one.
   */
  async verify(artifacts: ManualArtifact[]): Promise<(ModelArtifact | null)[]> {
    const results = await Promise.all(
      artifacts.map((a, i) =>
        a.url === undefined ? this.verifyOne(a, `artifacts.${i}`) : Promise.resolve(null),
      ),
    );
    const problems = results.filter((r): r is Problem => r !== null && 'code' in r);
    if (problems.length > 0) {
      throw new AppError(
        primaryProblemCode(problems.map((p) => p.code)),
        422,
        `${problems.length} of ${artifacts.length} artifacts failed verification`,
        { errors: problems.map((p) => ({ path: p.path, message: `${p.code}: ${p.message}` })) },
      );
    }
    return results as (ModelArtifact | null)[];
  }

  private async verifyOne(a: ManualArtifact, path: string): Promise<ModelArtifact | Problem> {
    const key = a.key ?? keyFromS3Uri(a.uri ?? '');
    if (key === null) return { path, code: 'ARTIFACT_NOT_IN_STORE', message: 'not an s3:// URI' };
    const declared: DeclaredArtifact = { key, uri: a.uri ?? null, sha256: a.sha256, size: a.size ?? null };
    let stored: StoredObject;
    try {
      stored = await this.statOrSeal(declared);
    } catch (error) {
      return { path, ...this.describe(error, key) };
    }
    const problem = checkArtifact(declared, stored);
    if (problem) return { path: `${path}.sha256`, ...problem };
    return { uri: stored.uri, sha256: stored.sha256, size: stored.size, role: a.role };
  }

  private async statOrSeal(declared: DeclaredArtifact): Promise<StoredObject> {
    try {
      return await this.store.stat(declared.key);
    } catch (error) {
      if (!isStorageError(error) || error.code !== 'STORAGE_NOT_FOUND') throw error;
      // No checksum record: maybe bytes uploaded with a presigned URL. Seal only what matches.
      return this.store.seal(declared.key, { expectedSha256: declared.sha256 });
    }
  }

  private describe(error: unknown, key: string): { code: string; message: string } {
    if (!isStorageError(error)) throw error;
    switch (error.code) {
      case 'STORAGE_NOT_FOUND':
        return { code: 'ARTIFACT_NOT_FOUND', message: `no object ${key} in the store` };
      case 'STORAGE_INTEGRITY':
        return { code: 'CHECKSUM_MISMATCH', message: error.message };
      case 'STORAGE_INVALID_KEY':
      case 'STORAGE_INVALID_ARGUMENT':
        return { code: 'ARTIFACT_NOT_IN_STORE', message: error.message };
      case 'STORAGE_UNAVAILABLE':
      case 'STORAGE_UNSUPPORTED':
      case 'STORAGE_INVALID_CONFIG':
        throw new AppError('STORAGE_UNAVAILABLE', 503, 'the object store cannot verify artifacts now', {
          cause: error,
        });
    }
  }
}
