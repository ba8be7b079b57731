import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type AuditRecordedV1, type EventMessage, type ServiceName } from '@llmops/contracts';
import { ConsumeEvent, PermanentEventError } from '@llmops/messaging';
import { AuditLogService } from '../services/audit-log.service';

/**
 * Feeds the audit log from every service's `audit-recorded` topic, the registry's own included (its HTTP
 * mutations are published there by the platform's audit interceptor).
 */
@Controller()
export class AuditRecordedConsumer {
  constructor(private readonly audit: AuditLogService) {}

  @ConsumeEvent('registry', Topics.ingestionAuditRecorded)
  fromIngestion(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('ingestion', event.data);
  }

  @ConsumeEvent('registry', Topics.labelingAuditRecorded)
  fromLabeling(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('labeling', event.data);
  }

  @ConsumeEvent('registry', Topics.trainingAuditRecorded)
  fromTraining(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('training', event.data);
  }

  @ConsumeEvent('registry', Topics.evaluationAuditRecorded)
  fromEvaluation(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('evaluation', event.data);
  }

  @ConsumeEvent('registry', Topics.registryAuditRecorded)
  fromRegistry(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('registry', event.data);
  }

  @ConsumeEvent('registry', Topics.servingAuditRecorded)
  fromServing(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('serving', event.data);
  }

  @ConsumeEvent('registry', Topics.monitoringAuditRecorded)
  fromMonitoring(@Payload() event: EventMessage<AuditRecordedV1>): Promise<void> {
    return this.record('monitoring', event.data);
  }

  /** A service speaks for itself only: a record naming another service on its topic is not trusted. */
  private async record(topicService: ServiceName, record: AuditRecordedV1): Promise<void> {
    if (record.service !== topicService) {
      throw new PermanentEventError(
        'AUDIT_SERVICE_MISMATCH',
        `an audit record of ${record.service} arrived on ${topicService}'s audit topic`,
      );
    }
    // Text columns cannot hold U+0000 (the snapshots can: they are stored escaped). Retrying cannot help,
    // so the record goes to the dead-letter topic at once, where an operator finds it whole.
    const columns = [
      record.actor.subject,
      ...record.actor.roles,
      record.resource.id,
      record.requestId ?? '',
      record.correlationId ?? '',
    ];
    if (columns.some((value) => value.includes('\u0000'))) {
      throw new PermanentEventError(
        'AUDIT_RECORD_UNSTORABLE',
        `audit record ${record.auditId} holds a NUL character outside its snapshots`,
      );
    }
    await this.audit.append(record);
  }
}
