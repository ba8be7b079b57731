import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import type { RecordsV1 } from '@llmops/contracts';
import { RecordBufferRepository } from '../repositories/record-buffer.repository';
import { SourceRepository } from '../repositories/source.repository';

/**
 * Buffers a record for its Kafka source, in the consumer's transaction (so the event is claimed exactly
 * when the record is stored). Records for unknown sources fail every attempt and end in the DLQ.
 */
@Injectable()
export class RecordIntakeService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly buffer: RecordBufferRepository,
  ) {}

  async accept(record: RecordsV1): Promise<void> {
    const source = await this.sources.find(record.sourceId);
    if (source?.kind !== 'kafka') {
      throw new AppError(
        'UNKNOWN_KAFKA_SOURCE',
        422,
        `no kafka source ${record.sourceId}; register it with POST /v1/sources`,
      );
    }
    await this.buffer.add([record]);
  }
}
