import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { type AuditRecordedV1, type JsonValue, type ServiceName, type TopicName } from '@llmops/contracts';
import { AuditSink, type AuditRecord } from '@llmops/auth';
import { EventServerRegistry } from '@llmops/messaging';
import { RequestContext } from '@llmops/observability';

/** Which service owns an HTTP path (paths never overlap, see DESIGN §1). */
const PATH_OWNERS: readonly [RegExp, ServiceName][] = [
  [/^\/v1\/(sources|datasets|recipes)\b/, 'ingestion'],
  [/^\/v1\/labeling\b/, 'labeling'],
  [/^\/v1\/training\b/, 'training'],
  [/^\/v1\/evaluations\b/, 'evaluation'],
  [/^\/v1\/(models|prompts|lineage|audit|approvals)\b/, 'registry'],
  [/^\/v1\/(chat|completions|serving)\b/, 'serving'],
  [/^\/v1\/(monitoring|feedback)\b/, 'monitoring'],
];

const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

function toJson(value: unknown): JsonValue | null {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/**
 * Sends every audited HTTP mutation as the owning service's `audit-recorded` event through its outbox,
 * for the registry's hash-chained audit log.
 */
@Injectable()
export class OutboxAuditSink extends AuditSink {
  constructor(private readonly registry: EventServerRegistry) {
    super();
  }

  async record(entry: AuditRecord): Promise<void> {
    const [method = 'POST', path = '/'] = entry.action.split(' ');
    const service = PATH_OWNERS.find(([pattern]) => pattern.test(path))?.[1];
    const publisher = service ? this.registry.publishers.get(service) : undefined;
    if (!service || !publisher) return; // not a service route (e.g. nothing mounted for it in this process)
    const type = entry.resource.type.replace(/[^a-z0-9-]/gi, '-').toLowerCase() || 'resource';
    const event: AuditRecordedV1 = {
      auditId: uuidv7(),
      service,
      actor: {
        subject: entry.actor.subject,
        kind: entry.actor.kind === 'anonymous' ? 'user' : entry.actor.kind,
        roles: entry.actor.roles,
      },
      action: `${type}.${VERBS[method] ?? method.toLowerCase()}`,
      resource: { type, id: entry.resource.id ?? entry.requestId ?? 'unknown' },
      outcome: 'succeeded',
      before: toJson(entry.before),
      after: toJson(entry.after),
      at: entry.at,
      requestId: entry.requestId ?? null,
      correlationId: RequestContext.current()?.correlationId ?? null,
    };
    const topic = `llmops.${service}.audit-recorded.v1` as TopicName;
    await publisher.publish(topic, event, { key: `${type}:${event.resource.id}` });
  }
}
