import { Injectable } from '@nestjs/common';
import type { DownloadLimits } from '../domain/download-limits';
import type { VersionArtifact } from '../dtos/model-version-view.dto';
import type { ManualArtifact } from '../dtos/register-model-version.dto';
import { ArtifactVerificationService } from './artifact-verification.service';
import {
  UrlArtifactImportService,
  type ImportedArtifact,
  type UrlArtifactRequest,
} from './url-artifact-import.service';

/** A manual registration's artifacts, verified and in the store, in request order. */
export interface CollectedArtifacts {
  artifacts: VersionArtifact[];
  /** What was downloaded for this registration (deleted again if it fails). */
  imported: ImportedArtifact[];
}

/**
 * Gathers the files of a manual registration: objects named by `uri`/`key` are verified in place (all
 * at once, every problem reported), then those given by `url` are downloaded into `folder` — only once
 * the cheap checks passed, so a bad key never costs a multi-gigabyte download.
 */
@Injectable()
export class ManualArtifactsService {
  constructor(
    private readonly verifier: ArtifactVerificationService,
    private readonly importer: UrlArtifactImportService,
  ) {}

  async collect(
    artifacts: ManualArtifact[],
    folder: string,
    limits: DownloadLimits,
  ): Promise<CollectedArtifacts> {
    const inStore = await this.verifier.verify(artifacts);
    const imported = await this.importer.importAll(urlRequests(artifacts), folder, limits);
    const byIndex = new Map(imported.map((a) => [a.index, a.artifact]));
    return {
      artifacts: inStore.map((a, i) => {
        const artifact = a ?? byIndex.get(i);
        if (!artifact) throw new Error(`artifact ${i} was neither verified nor downloaded`);
        return artifact;
      }),
      imported,
    };
  }

  /** Removes what `collect` downloaded; objects that were already in the store stay. */
  discard(collected: CollectedArtifacts): Promise<void> {
    return this.importer.discard(collected.imported);
  }
}

function urlRequests(artifacts: ManualArtifact[]): UrlArtifactRequest[] {
  return artifacts.flatMap((a, index) =>
    a.url === undefined
      ? []
      : [
          {
            index,
            url: a.url,
            sha256: a.sha256,
            size: a.size ?? null,
            role: a.role,
            filename: a.filename ?? null,
          },
        ],
  );
}
