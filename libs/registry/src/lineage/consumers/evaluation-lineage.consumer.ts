import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EvaluationCompletedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { evaluationCompletedFacts } from '../domain/facts/evaluation.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

@Controller()
export class EvaluationLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.evaluationCompleted)
  evaluationCompleted(@Payload() event: EventMessage<EvaluationCompletedV1>): Promise<void> {
    return this.recorder.record(evaluationCompletedFacts(event.data), event.envelope.id);
  }
}
