import { z } from 'zod';
import { PROBE_NAMES } from '@llmops/eval-probes';
import { SUITE_METRICS } from './metrics/suite-metric-names';

/** What an evaluation does with its items: the part of a suite shared by the service and the CLI. */
export const EvaluationPlanSchema = z.strictObject({
  /** Metrics computed on the answers. */
  metrics: z.array(z.enum(SUITE_METRICS)).min(1).default(['bleu', 'chrf', 'rougeL', 'token_f1']),
  /** Safety and bias probe sets run against the model (none by default). */
  probes: z.array(z.enum(PROBE_NAMES)).default([]),
  /** `{{prompt}}` is replaced by each item's prompt. */
  promptTemplate: z.string().min(1).includes('{{prompt}}').optional(),
  /** At most this many items (the first ones of the split, in stored order). */
  maxItems: z.int().min(1).max(100_000).default(500),
  generation: z
    .strictObject({
      maxTokens: z.int().min(1).max(4096).default(64),
      stop: z.array(z.string().min(1)).max(8).default([]),
    })
    .prefault({}),
  /** Paired bootstrap against the champion. */
  bootstrap: z
    .strictObject({
      resamples: z.int().min(100).max(10_000).default(1000),
      seed: z.int().default(12345),
      confidenceLevel: z.number().gt(0.5).lt(1).default(0.95),
    })
    .prefault({}),
  /** Optional LLM-as-judge through an OpenAI-compatible endpoint: a 1–10 score per answer. */
  judge: z
    .strictObject({
      baseUrl: z.url(),
      model: z.string().min(1),
      rubric: z.string().min(1).max(4000),
    })
    .optional(),
});

export type EvaluationPlan = z.output<typeof EvaluationPlanSchema>;
export type EvaluationPlanInput = z.input<typeof EvaluationPlanSchema>;
