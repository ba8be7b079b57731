import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { objectKeyOf, ObjectStore } from '@llmops/storage';
import type { RunIo } from '../executors/training-executor';
import { DatasetCatalogRepository } from '../repositories/dataset-catalog.repository';
import type { RunRow } from '../repositories/run.repository';

/** The part of ingestion's `manifest.json` training reads (shards by split); the rest is ignored. */
const ManifestSchema = z.object({
  shards: z.array(z.object({ uri: z.string(), split: z.string() })),
});

/** Turns a run's dataset splits into shard URIs (from each version's manifest) and its output prefix. */
@Injectable()
export class RunIoResolver {
  constructor(
    private readonly catalog: DatasetCatalogRepository,
    private readonly store: ObjectStore,
  ) {}

  async resolve(run: RunRow): Promise<RunIo> {
    const datasets: RunIo['datasets'] = [];
    for (const d of run.lineage.datasets) {
      const version = await this.catalog.findVersion(d.versionId);
      if (!version)
        throw Object.assign(new Error(`dataset version ${d.versionId} left the catalog`), {
          code: 'UNKNOWN_DATASET_VERSION',
        });
      const manifest = ManifestSchema.parse(
        JSON.parse((await this.store.getBuffer(objectKeyOf(version.manifestUri))).toString('utf8')),
      );
      const shardUris = manifest.shards
        .filter((s) => d.split === 'all' || s.split === d.split)
        .map((s) => s.uri);
      datasets.push({ versionId: d.versionId, split: d.split, shardUris });
    }
    return { datasets, baseModelUri: null, outputPrefix: `runs/${run.id}/attempt-${String(run.attempt)}/` };
  }
}
