import { z } from 'zod';

import { UuidSchema, VersionNumberSchema } from './identifiers';

/** Points at one immutable dataset version. */
export const DatasetVersionRefSchema = z
  .object({
    /** The dataset. */
    datasetId: UuidSchema.describe('The dataset.'),
    /** The immutable version of the dataset. */
    versionId: UuidSchema.describe('The immutable version of the dataset.'),
    /** The version's number within its dataset. */
    version: VersionNumberSchema.describe("The version's number within its dataset."),
  })
  .describe('One immutable dataset version.');

/** One immutable dataset version. */
export type DatasetVersionRef = z.output<typeof DatasetVersionRefSchema>;

/** A split of a dataset version; `all` means every split. */
export const DatasetSplitSchema = z
  .enum(['train', 'validation', 'test', 'all'])
  .describe('A split of a dataset version; all means every split.');

/** One split of one dataset version, as used by a training run or an evaluation. */
export const DatasetSplitRefSchema = DatasetVersionRefSchema.extend({
  /** Which split of the version was used. */
  split: DatasetSplitSchema.describe('Which split of the version was used.'),
}).describe('One split of one dataset version.');

/** One split of one dataset version. */
export type DatasetSplitRef = z.output<typeof DatasetSplitRefSchema>;
