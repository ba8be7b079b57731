import { z } from 'zod';
import { DatasetVersionRefSchema } from '@llmops/contracts';

/** Split ratios for the deterministic hash split; validated to sum to 1. */
export const SplitRatiosSchema = z
  .object({
    train: z.number().min(0).max(1),
    validation: z.number().min(0).max(1),
    test: z.number().min(0).max(1),
  })
  .refine((r) => Math.abs(r.train + r.validation + r.test - 1) < 1e-9, {
    error: 'train + validation + test must sum to 1',
  })
  .describe('Shares of records in train, validation and test (deterministic by content hash).');

export const DEFAULT_SPLIT_RATIOS = { train: 0.8, validation: 0.1, test: 0.1 } as const;

/** Input parsing options that are not part of a recipe (they describe the file, not the cleaning). */
export const ReadOptionsSchema = z
  .object({
    format: z
      .enum(['auto', 'jsonl', 'csv', 'tsv', 'parquet', 'text', 'markdown'])
      .default('auto')
      .describe('Input format; auto detects it from the file name, content type and bytes.'),
    textUnit: z
      .enum(['file', 'paragraph', 'line'])
      .default('file')
      .describe('For text and Markdown inputs: one record per file, paragraph or line.'),
  })
  .describe('How to read the input.');

/** Everything a job needs to build a version, frozen when the job is created. */
export interface BuildSpec {
  /** The recipe version applied (its body frozen here), or null for no cleaning. */
  recipe: { recipeId: string; version: number; body: unknown } | null;
  splitRatios: z.output<typeof SplitRatiosSchema>;
  read: z.output<typeof ReadOptionsSchema>;
  /** Versions the new one derives from (lineage). */
  parents: z.output<typeof DatasetVersionRefSchema>[];
  /** Evaluation sets whose contaminated records are removed while building, if any. */
  decontaminate?: { against: z.output<typeof DatasetVersionRefSchema>[]; ngram: number } | undefined;
}
