import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Topics, type EventMessage, type RecordsV1 } from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { RecordIntakeService } from './record-intake.service';

/** Outside producers' records (`llmops.ingestion.records.v1`): buffered, then batched into versions. */
@Controller()
export class RecordsConsumer {
  constructor(private readonly intake: RecordIntakeService) {}

  @ConsumeEvent('ingestion', Topics.records)
  handle(@Payload() event: EventMessage<RecordsV1>): Promise<void> {
    return this.intake.accept(event.data);
  }
}
