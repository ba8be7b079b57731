import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { RunSpecSchema } from '../domain/run-spec';

export class CreateRunDto extends createZodDto(RunSpecSchema) {}

export const ListRunsQuerySchema = z.object({
  status: z.enum(['queued', 'provisioning', 'running', 'succeeded', 'failed', 'cancelled']).optional(),
  sweepId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export class ListRunsQueryDto extends createZodDto(ListRunsQuerySchema) {}

/** Trainer callbacks (process/kubernetes protocol): metrics samples and log lines. */
export const CallbackMetricsSchema = z.object({
  step: z.number().int().min(0),
  totalSteps: z.number().int().min(1).optional(),
  values: z.record(z.string(), z.number()),
});
export class CallbackMetricsDto extends createZodDto(CallbackMetricsSchema) {}

export const CallbackLogsSchema = z.object({ lines: z.array(z.string().max(10_000)).max(1000) });
export class CallbackLogsDto extends createZodDto(CallbackLogsSchema) {}

export interface RunView {
  id: string;
  name: string | null;
  status: string;
  executor: string;
  priority: number;
  attempt: number;
  spec: unknown;
  lineage: unknown;
  trigger: unknown;
  progress: unknown;
  metrics: Record<string, number>;
  artifacts: unknown[];
  error: unknown;
  lastLogLines: string[];
  sweepId: string | null;
  trial: number | null;
  planId: string | null;
  createdAt: string;
  startedAt: string | null;
  runningAt: string | null;
  finishedAt: string | null;
}
