import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EvaluationCompletedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { AutoStagingService } from '../services/auto-staging.service';

@Controller()
export class EvaluationCompletedConsumer {
  constructor(private readonly autoStaging: AutoStagingService) {}

  @ConsumeEvent('registry', Topics.evaluationCompleted)
  handle(@Payload() event: EventMessage<EvaluationCompletedV1>): Promise<void> {
    return this.autoStaging.onEvaluationCompleted(event.data);
  }
}
