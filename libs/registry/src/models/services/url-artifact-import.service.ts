import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@llmops/http';
import { isStorageError, ObjectStore } from '@llmops/storage';
import { checkArtifact } from '../domain/artifact-checksum';
import { displayUrl, importFileName, uniqueFileNames } from '../domain/artifact-url';
import type { DownloadLimits } from '../domain/download-limits';
import type { VersionArtifact } from '../dtos/model-version-view.dto';
import { ArtifactDownloadService } from './artifact-download.service';

/** One artifact to fetch from an external URL, with its position in the registration request. */
export interface UrlArtifactRequest {
  index: number;
  url: string;
  sha256: string;
  size: number | null;
  role: VersionArtifact['role'];
  filename: string | null;
}

/** A downloaded, checksum-verified artifact and the key it was written to. */
export interface ImportedArtifact {
  index: number;
  key: string;
  artifact: VersionArtifact;
}

/**
 * Brings artifacts given by URL into the store under the version's folder, verifying each one's sha256
 * (and size) against what streamed in. All or nothing: on the first failure every object written so far
 * is deleted and the request is answered with one 422 naming the artifact.
 */
@Injectable()
export class UrlArtifactImportService {
  private readonly logger = new Logger(UrlArtifactImportService.name);

  constructor(
    private readonly downloads: ArtifactDownloadService,
    private readonly store: ObjectStore,
  ) {}

  /** One at a time: downloads can be gigabytes, and a failure should stop before the next one starts. */
  async importAll(
    requests: readonly UrlArtifactRequest[],
    folder: string,
    limits: DownloadLimits,
  ): Promise<ImportedArtifact[]> {
    const names = uniqueFileNames(requests.map((r) => importFileName(new URL(r.url), r.filename)));
    const imported: ImportedArtifact[] = [];
    try {
      for (const [i, request] of requests.entries()) {
        imported.push(await this.importOne(request, `${folder}/${names[i] ?? 'artifact'}`, limits));
      }
    } catch (error) {
      await this.discard(imported);
      throw error;
    }
    return imported;
  }

  /** Deletes what `importAll` wrote, when the registration fails after it. Best effort, logged. */
  async discard(imported: readonly ImportedArtifact[]): Promise<void> {
    await Promise.all(imported.map((a) => this.remove(a.key)));
  }

  private async importOne(
    request: UrlArtifactRequest,
    key: string,
    limits: DownloadLimits,
  ): Promise<ImportedArtifact> {
    const url = new URL(request.url);
    const path = `artifacts.${request.index}`;
    let outcome;
    try {
      outcome = await this.downloads.download(url, key, limits);
    } catch (error) {
      if (!isStorageError(error)) throw error;
      throw new AppError('STORAGE_UNAVAILABLE', 503, 'the object store cannot take the download now', {
        cause: error,
      });
    }
    if (!outcome.ok) {
      throw new AppError(outcome.code, 422, `could not download ${outcome.message}`, {
        errors: [{ path: `${path}.url`, message: `${outcome.code}: ${outcome.message}` }],
      });
    }
    const { stored } = outcome;
    const declared = { key, uri: null, sha256: request.sha256, size: request.size };
    const mismatch = checkArtifact(declared, stored);
    if (mismatch) {
      await this.remove(key);
      const message = `${displayUrl(url)}: ${mismatch.message}`;
      throw new AppError(mismatch.code, 422, `downloaded artifact failed verification: ${message}`, {
        errors: [{ path: `${path}.sha256`, message: `${mismatch.code}: ${message}` }],
      });
    }
    return {
      index: request.index,
      key,
      artifact: {
        uri: stored.uri,
        sha256: stored.sha256,
        size: stored.size,
        role: request.role,
        source: displayUrl(url),
      },
    };
  }

  private async remove(key: string): Promise<void> {
    try {
      await this.store.delete(key);
    } catch (error) {
      // The registration still fails cleanly; the object is orphaned under a folder no version owns.
      this.logger.warn(`could not delete downloaded artifact ${key}: ${String(error)}`);
    }
  }
}
