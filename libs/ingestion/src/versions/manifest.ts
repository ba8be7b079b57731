import { z } from 'zod';
import { DatasetVersionRefSchema, S3UriSchema } from '@llmops/contracts';
import type { ObjectStore } from '@llmops/storage';

/** One gzip JSONL shard of a version; the name is its sha256, so identical shards share a key. */
export const ManifestShardSchema = z.object({
  uri: S3UriSchema,
  split: z.enum(['train', 'validation', 'test']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
});

/** `manifest.json`: everything a reader needs to fetch and verify a version's records. */
export const ManifestSchema = z.object({
  formatVersion: z.literal(1),
  datasetId: z.uuid(),
  versionId: z.uuid(),
  recordShape: z.string(),
  splitRatios: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
  counts: z.object({
    total: z.number().int(),
    train: z.number().int(),
    validation: z.number().int(),
    test: z.number().int(),
  }),
  shards: z.array(ManifestShardSchema),
  parents: z.array(DatasetVersionRefSchema),
  recipe: z.object({ recipeId: z.string(), version: z.number().int() }).nullable(),
});

export type Manifest = z.output<typeof ManifestSchema>;

export async function readManifest(store: ObjectStore, key: string): Promise<Manifest> {
  const bytes = await store.getBuffer(key, 64 * 1024 * 1024);
  return ManifestSchema.parse(JSON.parse(bytes.toString('utf8')));
}
