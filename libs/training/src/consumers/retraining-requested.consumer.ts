import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type RetrainingRequestedV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { PlanService } from '../plans/plan.service';

/** Monitoring asks for retraining: plans bound to that model start a run. */
@Controller()
export class RetrainingRequestedConsumer {
  constructor(private readonly plans: PlanService) {}

  @ConsumeEvent('training', Topics.retrainingRequested)
  async handle(@Payload() event: EventMessage<RetrainingRequestedV1>): Promise<void> {
    await this.plans.onRetrainingRequested(event.data, event.envelope.id);
  }
}
