import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { JsonValueSchema } from '../../common/json-value';
import { defineEvent, type EventDefinition } from '../../event-definition';
import { SERVICE_NAMES, type ServiceName } from '../../services';

/** The thing a mutation touched. */
const AuditResourceSchema = z
  .object({
    /** Kebab-case resource type, e.g. `dataset`, `model-version`, `api-key`. */
    type: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected kebab-case')
      .describe('Kebab-case resource type, e.g. dataset, model-version, api-key.'),
    /** The resource's id. */
    id: z.string().min(1).max(256).describe("The resource's id."),
  })
  .describe('The resource the mutation touched.');

/** One mutating call, as the audit log keeps it: who did what to which resource, before and after. */
export const AuditRecordedV1Schema = z
  .object({
    /** The audit record. */
    auditId: UuidSchema.describe('The audit record.'),
    /** The service where the call happened. */
    service: z.enum(SERVICE_NAMES).describe('The service where the call happened.'),
    /** Who acted. */
    actor: ActorSchema,
    /** What was done, `<resource-type>.<verb>`, e.g. `model-version.promote`, `api-key.create`. */
    action: z
      .string()
      .regex(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/, 'expected <resource-type>.<verb>')
      .describe('What was done, <resource-type>.<verb>, e.g. model-version.promote, api-key.create.'),
    /** The resource touched. */
    resource: AuditResourceSchema,
    /** Whether the call succeeded, failed, or was denied by authorisation. */
    outcome: z
      .enum(['succeeded', 'failed', 'denied'])
      .describe('Whether the call succeeded, failed, or was denied by authorisation.'),
    /** The resource before the call (secrets removed), or null when it did not exist. */
    before: JsonValueSchema.nullable().describe(
      'The resource before the call (secrets removed), or null when it did not exist.',
    ),
    /** The resource after the call (secrets removed), or null when it was deleted or the call did not succeed. */
    after: JsonValueSchema.nullable().describe(
      'The resource after the call (secrets removed), or null when it was deleted or the call did not succeed.',
    ),
    /** When the call happened. */
    at: IsoTimestampSchema.describe('When the call happened.'),
    /** The HTTP request id (`x-request-id`), or null for calls that did not come over HTTP. */
    requestId: z
      .string()
      .min(1)
      .nullable()
      .describe('The HTTP request id (x-request-id), or null for calls that did not come over HTTP.'),
    /** The correlation id of the flow the call belongs to, or null. */
    correlationId: z
      .string()
      .min(1)
      .nullable()
      .describe('The correlation id of the flow the call belongs to, or null.'),
  })
  .describe('One mutating call: who did what to which resource, before and after.');

/** One mutating call: who did what to which resource, before and after. */
export type AuditRecordedV1 = z.output<typeof AuditRecordedV1Schema>;

/** The audit event of one service: every service publishes its own `llmops.<service>.audit-recorded.v1`. */
export type AuditRecordedV1Definition<Svc extends ServiceName> = EventDefinition<
  Svc,
  'audit-recorded',
  1,
  typeof AuditRecordedV1Schema
>;

function defineAuditRecordedV1<const Svc extends ServiceName>(service: Svc): AuditRecordedV1Definition<Svc> {
  return defineEvent({
    service,
    event: 'audit-recorded',
    version: 1,
    schema: AuditRecordedV1Schema,
    description: `Audit record of one mutating call in ${service} (who, what, which resource, before/after); registry appends it to the hash-chained audit log.`,
    aggregate: 'the audited resource (type:id)',
    keyOf: (data) => `${data.resource.type}:${data.resource.id}`,
  });
}

export const ingestionAuditRecordedV1 = defineAuditRecordedV1('ingestion');
export const labelingAuditRecordedV1 = defineAuditRecordedV1('labeling');
export const trainingAuditRecordedV1 = defineAuditRecordedV1('training');
export const evaluationAuditRecordedV1 = defineAuditRecordedV1('evaluation');
export const registryAuditRecordedV1 = defineAuditRecordedV1('registry');
export const servingAuditRecordedV1 = defineAuditRecordedV1('serving');
export const monitoringAuditRecordedV1 = defineAuditRecordedV1('monitoring');
