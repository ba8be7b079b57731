import { z } from 'zod';

import { S3ObjectRefSchema } from './s3-object-ref';

/** One file a training run produced, or that a model version is made of. */
export const ModelArtifactSchema = S3ObjectRefSchema.extend({
  /** What the file is for: model weights, adapter weights, tokenizer, checkpoint, metrics, logs or config. */
  role: z
    .enum(['model', 'adapter', 'tokenizer', 'checkpoint', 'metrics', 'logs', 'config', 'model-card'])
    .describe(
      'What the file is for: model, adapter, tokenizer, checkpoint, metrics, logs, config or model-card.',
    ),
}).describe('One stored file of a run or model version, with its checksum and size.');

/** One stored file of a run or model version. */
export type ModelArtifact = z.output<typeof ModelArtifactSchema>;
