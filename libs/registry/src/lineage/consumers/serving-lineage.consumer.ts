import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type DeploymentChangedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { DeploymentHistoryService } from '../services/deployment-history.service';

@Controller()
export class ServingLineageConsumer {
  constructor(private readonly history: DeploymentHistoryService) {}

  @ConsumeEvent('registry', Topics.deploymentChanged)
  deploymentChanged(@Payload() event: EventMessage<DeploymentChangedV1>): Promise<void> {
    return this.history.recordChange(event.data, event.envelope.id);
  }
}
