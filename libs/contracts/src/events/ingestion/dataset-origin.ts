import { z } from 'zod';

import { UuidSchema } from '../../common/identifiers';

/** Kinds of ingestion source. */
export const SourceKindSchema = z
  .enum(['upload', 's3', 'http', 'git', 'postgres', 'kafka'])
  .describe('Kind of source: upload, s3, http, git, postgres or kafka.');

/** Kind of ingestion source. */
export type SourceKind = z.output<typeof SourceKindSchema>;

/** What a dataset version was built from. */
export const DatasetOriginSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** Built from a registered source. */
      kind: z.literal('source').describe('Built from a registered source.'),
      /** The source. */
      sourceId: UuidSchema.describe('The source.'),
      /** Kind of the source. */
      sourceKind: SourceKindSchema,
    }),
    z.object({
      /** Built from a labeling export. */
      kind: z.literal('labeling-export').describe('Built from a labeling export.'),
      /** The labeling project. */
      projectId: UuidSchema.describe('The labeling project.'),
      /** The export. */
      exportId: UuidSchema.describe('The export.'),
    }),
    z.object({
      /** Derived from its parent versions only (re-cleaned, merged, filtered). */
      kind: z
        .literal('derived')
        .describe('Derived from its parent versions only (re-cleaned, merged, filtered).'),
    }),
  ])
  .describe('What the dataset version was built from.');

/** What a dataset version was built from. */
export type DatasetOrigin = z.output<typeof DatasetOriginSchema>;

/** A cleaning recipe version. */
export const RecipeRefSchema = z
  .object({
    /** The recipe. */
    recipeId: UuidSchema.describe('The recipe.'),
    /** The recipe's version number. */
    version: z.number().int().min(1).describe("The recipe's version number."),
  })
  .describe('A cleaning recipe version.');
