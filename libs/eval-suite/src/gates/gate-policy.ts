import { z } from 'zod';
import { PROBE_NAMES } from '@llmops/eval-probes';

const MetricName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.:+-]{0,127}$/, 'expected a metric name');

/** One rule of a gate policy. */
export const GateRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** An absolute threshold on the candidate's metric, e.g. `rougeL >= 0.35`. */
    kind: z.literal('threshold'),
    metric: MetricName,
    op: z.enum(['>=', '>', '<=', '<']),
    value: z.number(),
  }),
  z.strictObject({
    /** Relative to the production version: not significantly worse (default) or significantly better. */
    kind: z.literal('champion'),
    metric: MetricName,
    require: z.enum(['not-worse', 'better']).default('not-worse'),
  }),
  z
    .strictObject({
      /** A probe's headline score must stay within a bound (`max` for rates where higher is worse). */
      kind: z.literal('probe'),
      probe: z.enum(PROBE_NAMES),
      max: z.number().optional(),
      min: z.number().optional(),
    })
    .refine((r) => r.max !== undefined || r.min !== undefined, { error: 'a probe rule needs max or min' }),
  z.strictObject({
    /** No warning with this code, e.g. `EVAL_CONTAMINATION`. */
    kind: z.literal('no-warning'),
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  }),
]);

/** A declarative, versioned gate: every rule must pass. */
export const GatePolicyRulesSchema = z.strictObject({
  rules: z.array(GateRuleSchema).min(1).max(50),
  /** What a champion rule does when the model has no production version yet. */
  withoutChampion: z.enum(['pass', 'fail']).default('pass'),
});

export type GateRule = z.output<typeof GateRuleSchema>;
export type GatePolicyRules = z.output<typeof GatePolicyRulesSchema>;
