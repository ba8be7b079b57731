import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type ExportCompletedV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { LabelingImportService } from './labeling-import.service';

/** Labeling's exports become new dataset versions (the human-feedback loop back into data). */
@Controller()
export class ExportCompletedConsumer {
  constructor(private readonly imports: LabelingImportService) {}

  @ConsumeEvent('ingestion', Topics.exportCompleted)
  handle(@Payload() event: EventMessage<ExportCompletedV1>): Promise<void> {
    return this.imports.queue(event.data);
  }
}
