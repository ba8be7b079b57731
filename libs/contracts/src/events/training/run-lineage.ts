import { z } from 'zod';

import { BaseModelRefSchema } from '../../common/base-model-ref';
import { DatasetSplitRefSchema } from '../../common/dataset-version-ref';
import { Sha256HexSchema } from '../../common/identifiers';
import { JsonObjectSchema } from '../../common/json-value';
import { TrainingExecutorSchema, TrainingMethodSchema } from '../../common/model-lifecycle';

/** Everything a run's result depends on: enough to reproduce it and to draw its lineage. */
export const RunLineageSchema = z
  .object({
    /** The dataset version splits trained on. */
    datasets: z.array(DatasetSplitRefSchema).min(1).describe('The dataset version splits trained on.'),
    /** The model fine-tuned from. */
    baseModel: BaseModelRefSchema,
    /** Fine-tuning method. */
    method: TrainingMethodSchema,
    /** Hyperparameters as validated for the method (learning rate, epochs, LoRA rank, ...). */
    hyperparameters: JsonObjectSchema.describe(
      'Hyperparameters as validated for the method (learning rate, epochs, LoRA rank, ...).',
    ),
    /** SHA-256 of the canonical JSON of the run spec (data, base, method, hyperparameters, executor). */
    configHash: Sha256HexSchema.describe(
      'SHA-256 of the canonical JSON of the run spec (data, base, method, hyperparameters, executor).',
    ),
    /** Where the run executes. */
    executor: TrainingExecutorSchema,
    /** Trainer code identity: the builtin trainer version, a command's version, or an image digest. */
    trainer: z
      .string()
      .min(1)
      .describe(
        "Trainer code identity: the builtin trainer version, a command's version, or an image digest.",
      ),
  })
  .describe('Everything the run result depends on.');

/** Everything the run result depends on. */
export type RunLineage = z.output<typeof RunLineageSchema>;
