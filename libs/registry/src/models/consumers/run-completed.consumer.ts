import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type RunCompletedV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { RunRegistrationService } from '../services/run-registration.service';

/** Training's `run-completed` → a new model version (once per run). */
@Controller()
export class RunCompletedConsumer {
  constructor(private readonly registration: RunRegistrationService) {}

  @ConsumeEvent('registry', Topics.runCompleted)
  async handle(@Payload() event: EventMessage<RunCompletedV1>): Promise<void> {
    await this.registration.registerRun(event.data);
  }
}
