import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { readShard, type DataRecord } from '@llmops/data-formats';
import { objectKeyOf, ObjectStore } from '@llmops/storage';

/** The part of ingestion's `manifest.json` evaluation reads (shards by split); the rest is ignored. */
const ManifestSchema = z.object({
  shards: z.array(z.object({ uri: z.string(), split: z.string() })),
});

/** Streams the records of one split of a dataset version from its content-addressed shards. */
@Injectable()
export class DatasetReader {
  constructor(private readonly store: ObjectStore) {}

  async *records(manifestUri: string, split: string): AsyncGenerator<DataRecord> {
    const manifest = ManifestSchema.parse(
      JSON.parse((await this.store.getBuffer(objectKeyOf(manifestUri))).toString('utf8')),
    );
    for (const shard of manifest.shards) {
      if (split !== 'all' && shard.split !== split) continue;
      yield* readShard(await this.store.get(objectKeyOf(shard.uri)));
    }
  }
}
