import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Topics,
  type ApprovalDecidedV1,
  type ApprovalRequestedV1,
  type EventMessage,
  type ModelVersionRegisteredV1,
  type ModelVersionStageChangedV1,
  type PromptVersionCreatedV1,
} from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { approvalDecidedFacts, approvalRequestedFacts } from '../domain/facts/approval.facts';
import {
  modelVersionRegisteredFacts,
  modelVersionStageChangedFacts,
  promptVersionCreatedFacts,
} from '../domain/facts/registry-model.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

/**
 * The registry's own facts, read back from its topics like any other service's: lineage then depends on
 * the events alone (and is rebuilt by replaying them), not on the other areas' tables.
 */
@Controller()
export class RegistryLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.modelVersionRegistered)
  modelVersionRegistered(@Payload() event: EventMessage<ModelVersionRegisteredV1>): Promise<void> {
    return this.recorder.record(modelVersionRegisteredFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.modelVersionStageChanged)
  stageChanged(@Payload() event: EventMessage<ModelVersionStageChangedV1>): Promise<void> {
    return this.recorder.record(modelVersionStageChangedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.approvalRequested)
  approvalRequested(@Payload() event: EventMessage<ApprovalRequestedV1>): Promise<void> {
    return this.recorder.record(approvalRequestedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.approvalDecided)
  approvalDecided(@Payload() event: EventMessage<ApprovalDecidedV1>): Promise<void> {
    return this.recorder.record(approvalDecidedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.promptVersionCreated)
  promptVersionCreated(@Payload() event: EventMessage<PromptVersionCreatedV1>): Promise<void> {
    return this.recorder.record(promptVersionCreatedFacts(event.data), event.envelope.id);
  }
}
