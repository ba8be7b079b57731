import { z } from 'zod';

import { UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';
import { MonitoredTargetSchema, SeveritySchema, TimeWindowSchema } from './monitored-target';

/** An alert rule fired. */
export const AlertRaisedV1Schema = z
  .object({
    /** The alert. */
    alertId: UuidSchema.describe('The alert.'),
    /** The rule that fired. */
    ruleId: UuidSchema.describe('The rule that fired.'),
    /** The rule's version. */
    ruleVersion: VersionNumberSchema.describe("The rule's version."),
    /** The rule's display name. */
    ruleName: z.string().min(1).describe("The rule's display name."),
    /** How urgent. */
    severity: SeveritySchema,
    /** What the alert is about. */
    target: MonitoredTargetSchema,
    /** The metric watched, e.g. `latency_p99_ms`, `error_rate`, `thumbs_down_rate`. */
    metric: z
      .string()
      .min(1)
      .describe('The metric watched, e.g. latency_p99_ms, error_rate, thumbs_down_rate.'),
    /** Observed value in the window. */
    value: z.number().describe('Observed value in the window.'),
    /** How the value is compared with the threshold. */
    comparator: z.enum(['gt', 'gte', 'lt', 'lte']).describe('How the value is compared with the threshold.'),
    /** The rule's threshold. */
    threshold: z.number().describe("The rule's threshold."),
    /** The window the value was computed over. */
    window: TimeWindowSchema,
    /** Human-readable summary. */
    message: z.string().min(1).describe('Human-readable summary.'),
    /** When the alert was raised. */
    raisedAt: IsoTimestampSchema.describe('When the alert was raised.'),
  })
  .describe('An alert rule fired.');

/** An alert rule fired. */
export type AlertRaisedV1 = z.output<typeof AlertRaisedV1Schema>;

export const alertRaisedV1 = defineEvent({
  service: 'monitoring',
  event: 'alert-raised',
  version: 1,
  schema: AlertRaisedV1Schema,
  description:
    'An alert rule fired: the metric crossed its threshold over a window for a route or model version.',
  aggregate: 'the alert rule',
  keyOf: (data) => data.ruleId,
});
