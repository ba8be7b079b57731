import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IsoTimestampSchema, SlugSchema } from '@llmops/contracts';

export const RouteParamsSchema = z.object({
  /** The public model name clients call, as in serving's `deployment-changed`. */
  route: SlugSchema,
});
export class RouteParamsDto extends createZodDto(RouteParamsSchema) {}

export const RouteAtQuerySchema = z.object({
  /** The instant asked about (RFC 3339 with zone); now when omitted. */
  time: IsoTimestampSchema.optional(),
});
export class RouteAtQueryDto extends createZodDto(RouteAtQuerySchema) {}

export const RouteHistoryQuerySchema = z
  .object({
    /** Only states still in force at or after this instant. */
    from: IsoTimestampSchema.optional(),
    /** Only states that began before this instant. */
    to: IsoTimestampSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    error: 'from must be before to',
    path: ['to'],
  });
export class RouteHistoryQueryDto extends createZodDto(RouteHistoryQuerySchema) {}

/** One deployment behind the route in a state. */
export interface RouteTargetView {
  deploymentId: string;
  mode: string;
  /** Percent of traffic (primary, canary) or mirrored (shadow). */
  weight: number;
  status: string;
  backend: unknown;
  model: { modelId: string; modelName: string; versionId: string; version: number } | null;
  promptVersion: { promptId: string; promptName: string; versionId: string; version: number } | null;
}

/** One state of a route, valid over [validFrom, validTo). */
export interface RouteStateView {
  route: string;
  revision: number;
  change: string;
  reason: string;
  actor: { subject: string; kind: string };
  validFrom: string;
  /** Null while the state is in force. */
  validTo: string | null;
  targets: RouteTargetView[];
}

export interface RouteAtView extends RouteStateView {
  /** The instant asked about. */
  time: string;
}

export interface RouteHistoryView {
  route: string;
  states: RouteStateView[];
  /** True when `limit` cut the list. */
  truncated: boolean;
}
