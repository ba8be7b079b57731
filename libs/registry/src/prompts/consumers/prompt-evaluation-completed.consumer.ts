import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EvaluationCompletedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { PromptLinkService } from '../services/prompt-link.service';

/** Records evaluation verdicts, the evidence protected prompt labels need (runs beside approvals' handler). */
@Controller()
export class PromptEvaluationCompletedConsumer {
  constructor(private readonly links: PromptLinkService) {}

  @ConsumeEvent('registry', Topics.evaluationCompleted)
  handle(@Payload() event: EventMessage<EvaluationCompletedV1>): Promise<void> {
    return this.links.recordEvaluation(event.data);
  }
}
