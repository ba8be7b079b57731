import { z } from 'zod';

import { DatasetVersionRefSchema } from '../../common/dataset-version-ref';
import { CountSchema, SlugSchema, UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { S3ObjectRefSchema, S3UriSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';
import { DatasetOriginSchema, RecipeRefSchema } from './dataset-origin';

/** Record counts per split. */
const SplitCountsSchema = z
  .object({
    /** Records in all splits together. */
    total: CountSchema.describe('Records in all splits together.'),
    /** Records in the train split. */
    train: CountSchema.describe('Records in the train split.'),
    /** Records in the validation split. */
    validation: CountSchema.describe('Records in the validation split.'),
    /** Records in the test split. */
    test: CountSchema.describe('Records in the test split.'),
  })
  .describe('Record counts per split.');

/** Headline numbers of the version's profile; the full profile is the `profile` object. */
const ProfileSummarySchema = z
  .object({
    /** Records read before cleaning. */
    inputRecords: CountSchema.describe('Records read before cleaning.'),
    /** Records dropped, by reason (e.g. `exact-duplicate`, `near-duplicate`, `too-short`, `language`). */
    droppedByReason: z
      .record(z.string().min(1), CountSchema)
      .describe('Records dropped, by reason (e.g. exact-duplicate, near-duplicate, too-short, language).'),
    /** PII occurrences redacted, by type (e.g. `email`, `phone`, `iban`). */
    piiRedactionsByType: z
      .record(z.string().min(1), CountSchema)
      .describe('PII occurrences redacted, by type (e.g. email, phone, iban).'),
    /** Tokens in the kept records, counted with `tokenizer`. */
    tokens: CountSchema.describe('Tokens in the kept records, counted with tokenizer.'),
    /** Tokenizer used for token counts, e.g. `o200k_base`. */
    tokenizer: z.string().min(1).describe('Tokenizer used for token counts, e.g. o200k_base.'),
    /** Mean record length in characters. */
    meanChars: z.number().nonnegative().describe('Mean record length in characters.'),
    /** Share of records per detected language (ISO 639-1 code, or `und`), summing to 1. */
    languages: z
      .record(z.string().min(2), z.number().min(0).max(1))
      .describe('Share of records per detected language (ISO 639-1 code, or und), summing to 1.'),
  })
  .describe("Headline numbers of the version's profile.");

/** A new immutable dataset version is complete in the object store and visible. */
export const DatasetVersionCreatedV1Schema = z
  .object({
    /** The dataset. */
    datasetId: UuidSchema.describe('The dataset.'),
    /** The dataset's unique name. */
    datasetName: SlugSchema.describe("The dataset's unique name."),
    /** The new version. */
    versionId: UuidSchema.describe('The new version.'),
    /** The new version's number within the dataset. */
    version: VersionNumberSchema.describe("The new version's number within the dataset."),
    /** Shape of the records: one of the four record kinds, or `mixed`. */
    recordShape: z
      .enum(['text', 'prompt-completion', 'chat', 'preference', 'mixed'])
      .describe('Shape of the records: text, prompt-completion, chat, preference, or mixed.'),
    /** The manifest (`manifest.json`): every shard with its sha256, size, split and record count. */
    manifest: S3ObjectRefSchema.describe(
      'The manifest (manifest.json): every shard with its sha256, size, split and record count.',
    ),
    /** Prefix (ending in `/`) of the gzip JSONL shards listed in the manifest. */
    shardsPrefix: S3UriSchema.describe(
      'Prefix (ending in /) of the gzip JSONL shards listed in the manifest.',
    ),
    /** Number of shards under `shardsPrefix`. */
    shardCount: CountSchema.describe('Number of shards under shardsPrefix.'),
    /** The full profile (`profile.json`) the console charts. */
    profile: S3ObjectRefSchema.describe('The full profile (profile.json) the console charts.'),
    /** The generated data card (`datacard.md`), when one was written. */
    dataCard: S3ObjectRefSchema.nullable().describe('The generated data card (datacard.md), or null.'),
    /** Record counts per split. */
    counts: SplitCountsSchema,
    /** Split ratios used for the deterministic hash split; they sum to 1. */
    splitRatios: z
      .object({
        /** Share of records in train. */
        train: z.number().min(0).max(1).describe('Share of records in train.'),
        /** Share of records in validation. */
        validation: z.number().min(0).max(1).describe('Share of records in validation.'),
        /** Share of records in test. */
        test: z.number().min(0).max(1).describe('Share of records in test.'),
      })
      .describe('Split ratios used for the deterministic hash split; they sum to 1.'),
    /** Headline numbers of the profile. */
    profileSummary: ProfileSummarySchema,
    /** Versions this one was derived from (lineage); empty for a first import. */
    parents: z
      .array(DatasetVersionRefSchema)
      .describe('Versions this one was derived from (lineage); empty for a first import.'),
    /** The cleaning recipe version applied, or null when none was. */
    recipe: RecipeRefSchema.nullable().describe(
      'The cleaning recipe version applied, or null when none was.',
    ),
    /** What the version was built from. */
    origin: DatasetOriginSchema,
    /** When the version became visible. */
    createdAt: IsoTimestampSchema.describe('When the version became visible.'),
  })
  .describe('A new immutable dataset version is complete and visible.');

/** A new immutable dataset version is complete and visible. */
export type DatasetVersionCreatedV1 = z.output<typeof DatasetVersionCreatedV1Schema>;

export const datasetVersionCreatedV1 = defineEvent({
  service: 'ingestion',
  event: 'dataset-version-created',
  version: 1,
  schema: DatasetVersionCreatedV1Schema,
  description:
    'A new immutable dataset version (manifest, shards, profile) is complete in the object store and visible; published once per version.',
  aggregate: 'the dataset',
  keyOf: (data) => data.datasetId,
});
