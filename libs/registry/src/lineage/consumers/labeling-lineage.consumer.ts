import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type ExportCompletedV1, type ProjectCreatedV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { exportCompletedFacts, projectCreatedFacts } from '../domain/facts/labeling.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

@Controller()
export class LabelingLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.projectCreated)
  projectCreated(@Payload() event: EventMessage<ProjectCreatedV1>): Promise<void> {
    return this.recorder.record(projectCreatedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.exportCompleted)
  exportCompleted(@Payload() event: EventMessage<ExportCompletedV1>): Promise<void> {
    return this.recorder.record(exportCompletedFacts(event.data), event.envelope.id);
  }
}
