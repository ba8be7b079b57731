import { z } from 'zod';

import type { RunMetricsSample } from '../training-executor';

const MetricsLineSchema = z.object({
  llmops: z.literal('metrics'),
  step: z.int().min(0),
  totalSteps: z.int().min(0).optional(),
  values: z
    .record(z.string().min(1).max(128), z.number())
    .refine((values) => Object.keys(values).length <= 100, 'at most 100 metrics per line'),
});

const TrainerLineSchema = z.object({
  llmops: z.literal('trainer'),
  name: z.string().min(1).max(128),
  version: z.string().min(1).max(128),
});

/** What one line of a trainer's stdout means under the protocol. */
export type TrainerOutputLine =
  | { kind: 'metrics'; sample: RunMetricsSample }
  | { kind: 'trainer'; name: string; version: string }
  | { kind: 'log'; line: string };

/**
 * Reads a stdout line: `{"llmops": "metrics", "step", "totalSteps"?, "values"}` is a metrics sample and
 * `{"llmops": "trainer", "name", "version"}` names the trainer; every other line — including a protocol
 * line that does not validate, so a trainer's mistake stays visible — is a log line.
 */
export function parseTrainerOutputLine(line: string): TrainerOutputLine {
  const text = line.trim();
  if (!text.startsWith('{') || !text.includes('"llmops"')) return { kind: 'log', line };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'log', line };
  }
  const metrics = MetricsLineSchema.safeParse(value);
  if (metrics.success) {
    const { step, totalSteps, values } = metrics.data;
    return {
      kind: 'metrics',
      sample: totalSteps === undefined ? { step, values } : { step, totalSteps, values },
    };
  }
  const trainer = TrainerLineSchema.safeParse(value);
  if (trainer.success) return { kind: 'trainer', name: trainer.data.name, version: trainer.data.version };
  return { kind: 'log', line };
}
