import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Topics,
  type EventMessage,
  type RunCompletedV1,
  type RunFailedV1,
  type RunStartedV1,
} from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { runCompletedFacts, runFailedFacts, runStartedFacts } from '../domain/facts/training.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

@Controller()
export class TrainingLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.runStarted)
  runStarted(@Payload() event: EventMessage<RunStartedV1>): Promise<void> {
    return this.recorder.record(runStartedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.runCompleted)
  runCompleted(@Payload() event: EventMessage<RunCompletedV1>): Promise<void> {
    return this.recorder.record(runCompletedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.runFailed)
  runFailed(@Payload() event: EventMessage<RunFailedV1>): Promise<void> {
    return this.recorder.record(runFailedFacts(event.data), event.envelope.id);
  }
}
