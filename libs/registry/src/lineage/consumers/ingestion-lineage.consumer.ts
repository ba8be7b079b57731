import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type DatasetVersionCreatedV1, type EventMessage } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { datasetVersionCreatedFacts } from '../domain/facts/ingestion.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

@Controller()
export class IngestionLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.datasetVersionCreated)
  datasetVersionCreated(@Payload() event: EventMessage<DatasetVersionCreatedV1>): Promise<void> {
    return this.recorder.record(datasetVersionCreatedFacts(event.data), event.envelope.id);
  }
}
