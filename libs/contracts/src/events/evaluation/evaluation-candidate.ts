import { z } from 'zod';

import { SlugSchema, UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { ModelVersionRefSchema } from '../../common/model-version-ref';

/** The model being evaluated. */
export const EvaluationCandidateSchema = z
  .discriminatedUnion('kind', [
    ModelVersionRefSchema.extend({
      /** A registered model version. */
      kind: z.literal('model-version').describe('A registered model version.'),
      /** The training run that produced the version, when it came from one (sweeps read their objective by it). */
      runId: UuidSchema.nullable()
        .optional()
        .describe(
          'The training run that produced the version, when it came from one (sweeps read their objective by it).',
        ),
    }),
    z.object({
      /** An external OpenAI-compatible endpoint. */
      kind: z.literal('endpoint').describe('An external OpenAI-compatible endpoint.'),
      /** Base URL of the endpoint, e.g. `http://vllm:8000/v1` (no credentials). */
      baseUrl: z.url().describe('Base URL of the endpoint, e.g. http://vllm:8000/v1 (no credentials).'),
      /** Model name sent to the endpoint. */
      model: z.string().min(1).describe('Model name sent to the endpoint.'),
    }),
  ])
  .describe('The model being evaluated.');

/** An evaluation suite version. */
export const EvaluationSuiteRefSchema = z
  .object({
    /** The suite. */
    suiteId: UuidSchema.describe('The suite.'),
    /** The suite's unique name. */
    name: SlugSchema.describe("The suite's unique name."),
    /** The suite's version number. */
    version: VersionNumberSchema.describe("The suite's version number."),
  })
  .describe('An evaluation suite version.');

/** Why an evaluation was started. */
export const EvaluationTriggerSchema = z
  .enum(['manual', 'model-version-registered', 'sweep', 'schedule'])
  .describe('Why the evaluation was started: manual, model-version-registered, sweep or schedule.');
