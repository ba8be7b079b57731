import { z } from 'zod';

import { SlugSchema, UuidSchema, VersionNumberSchema } from './identifiers';

/** Points at one registered model version. */
export const ModelVersionRefSchema = z
  .object({
    /** The registered model. */
    modelId: UuidSchema.describe('The registered model.'),
    /** The model's unique name, e.g. `support-bot`. */
    modelName: SlugSchema.describe("The model's unique name, e.g. support-bot."),
    /** The model version. */
    versionId: UuidSchema.describe('The model version.'),
    /** The version's number within its model. */
    version: VersionNumberSchema.describe("The version's number within its model."),
  })
  .describe('One registered model version.');

/** One registered model version. */
export type ModelVersionRef = z.output<typeof ModelVersionRefSchema>;
