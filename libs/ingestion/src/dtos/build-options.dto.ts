import { z } from 'zod';
import { DatasetVersionRefSchema } from '@llmops/contracts';
import { ReadOptionsSchema, SplitRatiosSchema } from '../domain/build-spec';

/** A recipe by name or id, optionally pinned to a version (default: the latest at job creation). */
export const RecipeSelectorSchema = z.object({
  recipe: z.string().min(1).describe('Recipe name or id.'),
  version: z.number().int().min(1).optional().describe('Recipe version; the latest when omitted.'),
});
export type RecipeSelector = z.output<typeof RecipeSelectorSchema>;

/** How a job builds its version; shared by uploads, source runs, sources and derived versions. */
export const BuildOptionsSchema = z.object({
  recipe: RecipeSelectorSchema.nullable()
    .default(null)
    .describe('The cleaning recipe; null keeps records as read (still validated and split).'),
  splitRatios: SplitRatiosSchema.optional(),
  read: ReadOptionsSchema.default({ format: 'auto', textUnit: 'file' }),
  parents: z.array(DatasetVersionRefSchema).default([]).describe('Lineage parents of the new version.'),
  decontaminate: z
    .object({
      against: z.array(DatasetVersionRefSchema).min(1).describe('Evaluation sets (their test split).'),
      ngram: z.number().int().min(5).max(50).default(13),
    })
    .optional()
    .describe('Remove records that share an n-gram with these evaluation sets while building.'),
});
export type BuildOptions = z.output<typeof BuildOptionsSchema>;

/** Upload options travel in the query string, because the body is the file. */
export const UploadQuerySchema = z.object({
  recipe: z.string().min(1).optional(),
  recipeVersion: z.coerce.number().int().min(1).optional(),
  format: ReadOptionsSchema.shape.format,
  textUnit: ReadOptionsSchema.shape.textUnit,
  train: z.coerce.number().min(0).max(1).optional(),
  validation: z.coerce.number().min(0).max(1).optional(),
  test: z.coerce.number().min(0).max(1).optional(),
  fileName: z
    .string()
    .regex(/^[\w.-]{1,200}$/, 'letters, digits, dot, dash and underscore')
    .optional()
    .describe('Name of the uploaded file when the body is sent raw (not multipart).'),
});
export type UploadQuery = z.output<typeof UploadQuerySchema>;

export interface JobView {
  id: string;
  datasetId: string;
  versionId: string;
  status: string;
  origin: unknown;
  attempts: number;
  report: unknown;
  error: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
