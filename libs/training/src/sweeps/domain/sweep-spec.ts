import { z } from 'zod';

/** A value a parameter can take; what a trial's `params` hold. */
export const ParamValueSchema = z
  .union([z.number(), z.string(), z.boolean()])
  .describe('A number, string or boolean.');
export type ParamValue = z.output<typeof ParamValueSchema>;

/** A parameter chosen from a list, e.g. `{ "values": [8, 16, 32] }`. Grid search keeps the list's order. */
export const ValuesParamSchema = z
  .strictObject({
    values: z
      .array(ParamValueSchema)
      .min(1)
      .max(1000)
      .refine((values) => new Set(values).size === values.length, 'values must not repeat')
      .describe('The values to try, in the order grid search enumerates them.'),
  })
  .describe('A parameter chosen from a list of values.');
export type ValuesParam = z.output<typeof ValuesParamSchema>;

/**
 * A numeric range, e.g. `{ "min": 1e-5, "max": 1e-3, "scale": "log" }`. `log` samples uniformly in log space
 * (so it needs `min > 0`); `integer` rounds every value to an integer in the range.
 */
export const RangeParamSchema = z
  .strictObject({
    min: z.number().describe('Lowest value (inclusive).'),
    max: z.number().describe('Highest value (inclusive).'),
    scale: z
      .enum(['linear', 'log'])
      .default('linear')
      .describe('linear (default) samples uniformly; log samples uniformly in log space.'),
    integer: z.boolean().default(false).describe('Round every value to an integer (default false).'),
  })
  .superRefine((range, ctx) => {
    if (!(range.min < range.max)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
      return;
    }
    if (range.scale === 'log' && range.min <= 0) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'a log scale needs min > 0' });
    }
    if (range.integer && Math.ceil(range.min) > Math.floor(range.max)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'an integer range must contain an integer' });
    }
  })
  .describe('A numeric range.');
export type RangeParam = z.output<typeof RangeParamSchema>;

export const ParamSpecSchema = z.union([ValuesParamSchema, RangeParamSchema], {
  error: 'expected { values: [...] } or { min, max, scale?, integer? }',
});
export type ParamSpec = z.output<typeof ParamSpecSchema>;

/** Parameter names become keys of a run's hyperparameters. */
export const ParamNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'expected a parameter name (letters, digits, _ . -)');

/** Parameter name → how to choose it. */
export const SearchSpaceSchema = z
  .record(ParamNameSchema, ParamSpecSchema)
  .refine((space) => Object.keys(space).length > 0, 'the search space needs at least one parameter')
  .describe('Parameter name → values or range.');
export type SearchSpace = z.output<typeof SearchSpaceSchema>;

export const SEARCH_KINDS = ['grid', 'random', 'tpe'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const ObjectiveDirectionSchema = z.enum(['minimize', 'maximize']);
export type ObjectiveDirection = z.output<typeof ObjectiveDirectionSchema>;

/** The median stopping rule; see `shouldStopEarly` for the exact definition. */
export const EarlyStoppingRuleSchema = z
  .strictObject({
    kind: z.literal('median'),
    minSteps: z
      .number()
      .int()
      .min(0)
      .describe('Never stop a trial whose latest reported step is below this.'),
    minTrialsCompleted: z
      .number()
      .int()
      .min(1)
      .describe('Never stop anything until this many trials have succeeded (with data at the step).'),
  })
  .describe('Stop a trial early when it does worse than the median of the completed trials.');
export type EarlyStoppingRule = z.output<typeof EarlyStoppingRuleSchema>;

/**
 * A hyperparameter sweep. Grid search enumerates the Cartesian product of the space (see `gridPoint`) and
 * stops after `maxTrials` points when the grid is larger — the rest of the grid is never tried. Every trial
 * started counts towards `maxTrials`, failed ones included.
 */
export const SweepSpecSchema = z
  .strictObject({
    search: z.strictObject({
      kind: z
        .enum(SEARCH_KINDS)
        .describe(
          'grid (every combination), random (seeded samples) or tpe (Tree-structured Parzen Estimator).',
        ),
      space: SearchSpaceSchema,
      maxTrials: z.number().int().min(1).max(10_000).describe('Most trials to start, failed ones included.'),
      parallelism: z.number().int().min(1).max(1000).describe('Most trials queued or running at once.'),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .default(0)
        .describe('Seed of random and tpe sampling: the same seed proposes the same trials (default 0).'),
    }),
    objective: z.strictObject({
      metric: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/, 'expected a metric name')
        .describe("What to optimise, e.g. 'eval_loss' (run) or 'rougeL' (evaluation)."),
      direction: ObjectiveDirectionSchema,
      source: z
        .enum(['run', 'evaluation'])
        .describe("run: a metric the run reports; evaluation: a metric of the run's evaluation."),
      suite: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a suite name')
        .optional()
        .describe(
          "With source 'evaluation': the evaluation suite whose result is the objective (bind it to the run template's modelName).",
        ),
    }),
    earlyStopping: EarlyStoppingRuleSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.search.kind === 'grid') {
      for (const [name, param] of Object.entries(spec.search.space)) {
        if ('min' in param && !param.integer) {
          ctx.addIssue({
            code: 'custom',
            path: ['search', 'space', name],
            message: 'grid search cannot enumerate a continuous range: give values, or an integer range',
          });
        }
      }
    }
    if (spec.objective.source === 'evaluation' && spec.objective.suite === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['objective', 'suite'],
        message: 'an objective from evaluation names the suite whose result it reads',
      });
    }
    if (spec.earlyStopping !== undefined && spec.objective.source === 'evaluation') {
      ctx.addIssue({
        code: 'custom',
        path: ['earlyStopping'],
        message: "early stopping needs an objective the run reports while training (source 'run')",
      });
    }
  })
  .describe('A hyperparameter sweep.');
export type SweepSpec = z.output<typeof SweepSpecSchema>;
