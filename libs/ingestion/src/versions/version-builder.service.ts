import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { curate, RecordRejectedError, type CurationResult } from '@llmops/curation';
import { parseRecipe, RecipeSchema, type Recipe } from '@llmops/data-cleaning';
import { ShardWriter, type ShardDescriptor } from '@llmops/data-formats';
import { summarize } from '@llmops/data-profile';
import { ObjectStore } from '@llmops/storage';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';
import { versionLayout } from '../domain/version-layout';
import type { JobRow } from '../repositories/job.repository';
import type { BuiltVersion } from './built-version';
import { renderDataCard } from './data-card';
import { Decontaminator } from './decontaminator.service';
import type { Manifest } from './manifest';
import { RecordSource } from './record-source.service';

/** A build that failed on purpose (bad input, fail-fast policy), with what it learnt on the way. */
export class BuildError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { recordsRead: number; report?: Record<string, unknown> } = { recordsRead: 0 },
  ) {
    super(message);
  }
}

const EMPTY_RECIPE: Recipe = RecipeSchema.parse({ steps: [] });

/**
 * Builds one dataset version from a job's input, streaming: read → clean → split → gzip shards on local
 * disk → upload (content-addressed) → profile, manifest, data card. Memory stays bounded by the
 * dedup indexes and the profile sketches, never by the input size. Nothing is visible until the outcome
 * recorder commits the version row and its event.
 */
@Injectable()
export class VersionBuilder {
  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    private readonly store: ObjectStore,
    private readonly source: RecordSource,
    private readonly decontaminator: Decontaminator,
  ) {}

  async build(job: JobRow, signal: AbortSignal): Promise<BuiltVersion> {
    const layout = versionLayout(job.datasetId, job.versionId);
    for await (const key of this.store.list(layout.prefix)) await this.store.delete(key); // a previous attempt's leftovers

    const recipe = job.build.recipe ? parseRecipe(job.build.recipe.body) : EMPTY_RECIPE;
    const decontaminate = job.build.decontaminate
      ? await this.decontaminator.prepare(job.build.decontaminate)
      : undefined;
    const dir = await mkdtemp(path.join(this.config.INGESTION_TMP_DIR, `llmops-${job.id}-`));
    const writer = new ShardWriter({ dir, maxRecordsPerShard: this.config.INGESTION_SHARD_RECORDS });
    try {
      const result = await curate(this.source.open(job, recipe.mapping, signal), {
        recipe,
        splitRatios: job.build.splitRatios,
        decontaminate,
        signal,
        onKept: (record, split) => writer.write(split, record),
      });
      const shards = await writer.close();
      if (result.kept === 0) {
        throw new BuildError(
          'no-records-kept',
          `no records left after reading ${String(result.read)} and cleaning`,
          {
            recordsRead: result.read,
            report: { cleaning: result.cleaning, rejects: result.rejects.counts() },
          },
        );
      }
      return await this.publishObjects(job, shards, result);
    } catch (error) {
      await writer.abort().catch(() => undefined);
      if (error instanceof BuildError) throw error;
      const recordsRead = error instanceof RecordRejectedError ? error.read : 0;
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
        details: { recordsRead },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async publishObjects(
    job: JobRow,
    shards: ShardDescriptor[],
    b: CurationResult,
  ): Promise<BuiltVersion> {
    const layout = versionLayout(job.datasetId, job.versionId);
    const manifestShards: Manifest['shards'] = [];
    for (const shard of shards) {
      const stored = await this.store.put(layout.shard(shard.sha256), createReadStream(shard.path), {
        contentType: 'application/gzip',
      });
      if (stored.sha256 !== shard.sha256) throw new Error(`shard ${shard.path} changed while uploading`);
      manifestShards.push({
        uri: stored.uri,
        split: shard.split,
        sha256: shard.sha256,
        bytes: shard.bytes,
        records: shard.records,
      });
    }
    const counts = { total: 0, train: 0, validation: 0, test: 0 };
    for (const shard of manifestShards) {
      counts[shard.split] += shard.records;
      counts.total += shard.records;
    }
    const fullProfile = b.profile;
    if (!fullProfile) throw new Error('curation ran without a profile');
    const summary = summarize(fullProfile);
    const recordShape = recordShapeOf(fullProfile.recordShapes);
    const profile = await this.putJson(layout.profile, fullProfile);
    const manifestBody: Manifest = {
      formatVersion: 1,
      datasetId: job.datasetId,
      versionId: job.versionId,
      recordShape,
      splitRatios: job.build.splitRatios,
      counts,
      shards: manifestShards,
      parents: job.build.parents,
      recipe: job.build.recipe
        ? { recipeId: job.build.recipe.recipeId, version: job.build.recipe.version }
        : null,
    };
    const manifest = await this.putJson(layout.manifest, manifestBody);
    if (b.rejects.size() > 0)
      await this.store.put(layout.rejects, Buffer.from(b.rejects.toJsonl()), {
        contentType: 'application/x-ndjson',
      });
    const descriptor: BuiltVersion['descriptor'] = {
      datasetName: '',
      recordShape,
      manifest,
      shardsPrefix: `${manifest.uri.slice(0, -'manifest.json'.length)}shards/`,
      shardCount: manifestShards.length,
      profile,
      dataCard: null,
      counts,
      splitRatios: job.build.splitRatios,
      profileSummary: summary,
      parents: job.build.parents,
      recipe: manifestBody.recipe,
      origin: job.origin,
    } as BuiltVersion['descriptor'];
    const card = renderDataCard({ ...descriptor, datasetName: job.datasetId });
    const dataCard = await this.store.put(layout.dataCard, Buffer.from(card), {
      contentType: 'text/markdown',
    });
    return {
      descriptor: {
        ...descriptor,
        dataCard: { uri: dataCard.uri, sha256: dataCard.sha256, size: dataCard.size },
      },
      report: {
        recordsRead: b.read,
        recordsKept: counts.total,
        cleaning: b.cleaning,
        rejects: b.rejects.counts(),
        seconds: b.seconds,
        peakRssBytes: b.peakRssBytes,
      },
    };
  }

  private async putJson(key: string, body: unknown) {
    const stored = await this.store.put(key, Buffer.from(JSON.stringify(body, null, 2)), {
      contentType: 'application/json',
    });
    return { uri: stored.uri, sha256: stored.sha256, size: stored.size };
  }
}

function recordShapeOf(shapes: Record<string, number>): BuiltVersion['descriptor']['recordShape'] {
  const present = Object.entries(shapes).filter(([, n]) => n > 0);
  if (present.length === 1 && present[0]) return present[0][0] as BuiltVersion['descriptor']['recordShape'];
  return 'mixed';
}
