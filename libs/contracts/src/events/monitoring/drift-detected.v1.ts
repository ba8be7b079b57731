import { z } from 'zod';

import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';
import { MonitoredTargetSchema, SeveritySchema, TimeWindowSchema } from './monitored-target';

/** One drifted feature's test. */
const FeatureDriftSchema = z
  .object({
    /** The feature compared, e.g. `prompt_tokens`, `completion_tokens`, `language`, `topic`. */
    feature: z
      .string()
      .min(1)
      .describe('The feature compared, e.g. prompt_tokens, completion_tokens, language, topic.'),
    /** The statistic used. */
    statistic: z.enum(['psi', 'ks', 'js-divergence', 'chi-square']).describe('The statistic used.'),
    /** Its value. */
    value: z.number().describe('Its value.'),
    /** Threshold above which the feature counts as drifted. */
    threshold: z.number().describe('Threshold above which the feature counts as drifted.'),
    /** Whether the feature drifted. */
    drifted: z.boolean().describe('Whether the feature drifted.'),
  })
  .describe("One feature's drift test.");

/** The current window's distribution drifted from the baseline. */
export const DriftDetectedV1Schema = z
  .object({
    /** The drift report. */
    driftReportId: UuidSchema.describe('The drift report.'),
    /** What drifted. */
    target: MonitoredTargetSchema,
    /** How serious. */
    severity: SeveritySchema,
    /** The reference window (e.g. the first week after promotion). */
    baselineWindow: TimeWindowSchema.describe('The reference window (e.g. the first week after promotion).'),
    /** The window compared with it. */
    currentWindow: TimeWindowSchema.describe('The window compared with it.'),
    /** Every feature tested, drifted or not. */
    features: z.array(FeatureDriftSchema).min(1).describe('Every feature tested, drifted or not.'),
    /** The full report (histograms per feature). */
    report: S3ObjectRefSchema.describe('The full report (histograms per feature).'),
    /** When drift was detected. */
    detectedAt: IsoTimestampSchema.describe('When drift was detected.'),
  })
  .describe("The current window's distribution drifted from the baseline.");

/** The current window's distribution drifted from the baseline. */
export type DriftDetectedV1 = z.output<typeof DriftDetectedV1Schema>;

export const driftDetectedV1 = defineEvent({
  service: 'monitoring',
  event: 'drift-detected',
  version: 1,
  schema: DriftDetectedV1Schema,
  description:
    'Input or output distributions of a route drifted from the baseline window; retraining policies may react.',
  aggregate: 'the drift report',
  keyOf: (data) => data.driftReportId,
});
