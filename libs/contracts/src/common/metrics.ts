import { z } from 'zod';

/**
 * Named numeric measurements, e.g. `{ "loss": 1.92, "rougeL": 0.41 }`. Names are snake_case or camelCase
 * identifiers, values finite numbers.
 */
export const MetricsSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/, 'expected a metric name'),
    z.number().describe('Finite value of the metric.'),
  )
  .describe('Named numeric measurements, e.g. {"loss": 1.92, "rougeL": 0.41}.');

/** Named numeric measurements. */
export type Metrics = z.output<typeof MetricsSchema>;
