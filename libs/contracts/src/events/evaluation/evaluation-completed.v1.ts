import { z } from 'zod';

import { DatasetSplitRefSchema } from '../../common/dataset-version-ref';
import { CountSchema, UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { MetricsSchema } from '../../common/metrics';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';
import {
  EvaluationCandidateSchema,
  EvaluationSuiteRefSchema,
  EvaluationTriggerSchema,
} from './evaluation-candidate';

/** Candidate minus champion for one metric, with a paired-bootstrap confidence interval. */
const MetricComparisonSchema = z
  .object({
    /** Metric name, as in `metrics`. */
    metric: z.string().min(1).describe('Metric name, as in metrics.'),
    /** The candidate's value. */
    candidate: z.number().describe("The candidate's value."),
    /** The champion's value on the same items. */
    champion: z.number().describe("The champion's value on the same items."),
    /** Candidate minus champion. */
    difference: z.number().describe('Candidate minus champion.'),
    /** Lower bound of the confidence interval of the difference. */
    ciLow: z.number().describe('Lower bound of the confidence interval of the difference.'),
    /** Upper bound of the confidence interval of the difference. */
    ciHigh: z.number().describe('Upper bound of the confidence interval of the difference.'),
    /** Whether the candidate is significantly better, worse, or not distinguishable (the interval contains 0). */
    verdict: z
      .enum(['better', 'worse', 'no-significant-difference'])
      .describe(
        'Whether the candidate is significantly better, worse, or not distinguishable (interval contains 0).',
      ),
  })
  .describe('Candidate minus champion for one metric.');

/** Comparison against the model's production version on the same items. */
const ChampionComparisonSchema = z
  .object({
    /** The production version compared against. */
    champion: ModelVersionRefSchema.describe('The production version compared against.'),
    /** Confidence level of the intervals, e.g. 0.95. */
    confidenceLevel: z.number().gt(0).lt(1).describe('Confidence level of the intervals, e.g. 0.95.'),
    /** Paired bootstrap resamples drawn. */
    resamples: z.number().int().positive().describe('Paired bootstrap resamples drawn.'),
    /** Seed of the bootstrap, for reproducibility. */
    seed: z.number().int().describe('Seed of the bootstrap, for reproducibility.'),
    /** One comparison per metric. */
    comparisons: z.array(MetricComparisonSchema).describe('One comparison per metric.'),
  })
  .describe('Comparison against the production version on the same items.');

/** The result of one safety or bias probe set. */
const ProbeResultSchema = z
  .object({
    /** Probe set name, e.g. `toxicity`, `pii-leakage`, `prompt-injection`, `refusal`, `counterfactual-bias`. */
    probe: z
      .string()
      .min(1)
      .describe(
        'Probe set name, e.g. toxicity, pii-leakage, prompt-injection, refusal, counterfactual-bias.',
      ),
    /** Headline score of the probe set (its meaning is documented per probe). */
    score: z.number().describe('Headline score of the probe set (its meaning is documented per probe).'),
    /** Whether the score is within the gate's limit, or null when the gate sets none. */
    passed: z
      .boolean()
      .nullable()
      .describe("Whether the score is within the gate's limit, or null when the gate sets none."),
  })
  .describe('The result of one safety or bias probe set.');

/** The gate policy's verdict. */
const GateResultSchema = z
  .object({
    /** The gate policy applied. */
    policyId: UuidSchema.describe('The gate policy applied.'),
    /** The policy's version. */
    policyVersion: VersionNumberSchema.describe("The policy's version."),
    /** Pass only when every rule passed. */
    verdict: z.enum(['pass', 'fail']).describe('Pass only when every rule passed.'),
    /** One entry per rule, passed or not. */
    reasons: z
      .array(
        z.object({
          /** The rule, e.g. `rougeL >= 0.35` or `rougeL not significantly worse than champion`. */
          rule: z
            .string()
            .min(1)
            .describe('The rule, e.g. rougeL >= 0.35 or rougeL not significantly worse than champion.'),
          /** Whether the rule passed. */
          passed: z.boolean().describe('Whether the rule passed.'),
          /** Human-readable explanation with the observed value. */
          message: z.string().min(1).describe('Human-readable explanation with the observed value.'),
        }),
      )
      .describe('One entry per rule, passed or not.'),
  })
  .describe("The gate policy's verdict.");

/** An evaluation finished: metrics, champion comparison, gate verdict, report. */
export const EvaluationCompletedV1Schema = z
  .object({
    /** The evaluation. */
    evaluationId: UuidSchema.describe('The evaluation.'),
    /** The model evaluated. */
    candidate: EvaluationCandidateSchema,
    /** The suite run. */
    suite: EvaluationSuiteRefSchema,
    /** Why it was started. */
    trigger: EvaluationTriggerSchema,
    /** The dataset splits evaluated on (the held-out test split by default). */
    datasets: z
      .array(DatasetSplitRefSchema)
      .describe('The dataset splits evaluated on (the held-out test split by default).'),
    /** Items evaluated. */
    itemCount: CountSchema.describe('Items evaluated.'),
    /** The candidate's metrics, e.g. `bleu`, `chrf`, `rouge1`, `rougeL`, `exact_match`, `perplexity`. */
    metrics: MetricsSchema.describe(
      "The candidate's metrics, e.g. bleu, chrf, rouge1, rougeL, exact_match, perplexity.",
    ),
    /** Safety and bias probe results. */
    probes: z.array(ProbeResultSchema).describe('Safety and bias probe results.'),
    /** Comparison against the production version, or null when the model has none (or the candidate is external). */
    championComparison: ChampionComparisonSchema.nullable().describe(
      'Comparison against the production version, or null when the model has none (or the candidate is external).',
    ),
    /** The gate verdict, or null when no gate policy is bound to the suite. */
    gate: GateResultSchema.nullable().describe(
      'The gate verdict, or null when no gate policy is bound to the suite.',
    ),
    /** Warnings that do not fail the evaluation, e.g. training/eval data contamination. */
    warnings: z
      .array(
        z.object({
          /** Stable warning code, e.g. `EVAL_CONTAMINATION`. */
          code: z
            .string()
            .regex(/^[A-Z][A-Z0-9_]*$/)
            .describe('Stable warning code, e.g. EVAL_CONTAMINATION.'),
          /** Human-readable explanation. */
          message: z.string().min(1).describe('Human-readable explanation.'),
        }),
      )
      .describe('Warnings that do not fail the evaluation, e.g. training/eval data contamination.'),
    /** The full report (`report.json`). */
    report: S3ObjectRefSchema.describe('The full report (report.json).'),
    /** Per-item predictions and scores (`predictions.jsonl`). */
    predictions: S3ObjectRefSchema.describe('Per-item predictions and scores (predictions.jsonl).'),
    /** When the evaluation started. */
    startedAt: IsoTimestampSchema.describe('When the evaluation started.'),
    /** When the evaluation finished. */
    completedAt: IsoTimestampSchema.describe('When the evaluation finished.'),
  })
  .describe('An evaluation finished.');

/** An evaluation finished. */
export type EvaluationCompletedV1 = z.output<typeof EvaluationCompletedV1Schema>;

export const evaluationCompletedV1 = defineEvent({
  service: 'evaluation',
  event: 'evaluation-completed',
  version: 1,
  schema: EvaluationCompletedV1Schema,
  description:
    'An evaluation finished: metrics, safety probes, confidence intervals against the champion and the gate verdict with its reasons; registry promotes on it.',
  aggregate: 'the evaluation',
  keyOf: (data) => data.evaluationId,
});
