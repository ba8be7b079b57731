import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IsoTimestampSchema, SERVICE_NAMES } from '@llmops/contracts';

/** Filters of `GET /v1/audit`; pages go forward by seq (`afterSeq` = the previous page's `nextAfterSeq`). */
export const AuditQuerySchema = z
  .object({
    /** Only records of this service. */
    service: z.enum(SERVICE_NAMES).optional(),
    /** Only records of this actor (its subject, e.g. `api-key:ci`). */
    actor: z.string().min(1).max(256).optional(),
    /** Only records about this resource type (e.g. `prompts`, `model-version`). */
    resourceType: z.string().min(1).max(128).optional(),
    /** Only records about this resource id. */
    resourceId: z.string().min(1).max(256).optional(),
    /** Only calls at or after this instant. */
    from: IsoTimestampSchema.optional(),
    /** Only calls before this instant. */
    to: IsoTimestampSchema.optional(),
    /** Entries with a larger seq only. */
    afterSeq: z.coerce.number().int().min(0).optional(),
    /** Page size, 1–1000 (default 100). */
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    error: 'from must be before to',
    path: ['to'],
  });
export class AuditQueryDto extends createZodDto(AuditQuerySchema) {}
