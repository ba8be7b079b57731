import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@llmops/persistence';
import { JobService } from '../jobs/job.service';
import { RecordBufferRepository } from '../repositories/record-buffer.repository';
import { SourceRepository, type SourceRow } from '../repositories/source.repository';
import { BuildSpecResolver } from '../services/build-spec.resolver';

/** How often buffered Kafka records are checked against their sources' batch policies. */
const CHECK_INTERVAL_MS = 1000;

/**
 * Cuts versions from buffered Kafka records: when a source has `maxRecords` pending, or its oldest
 * pending record is `maxWaitSeconds` old, one transaction creates a job and hands it every pending record.
 */
@Injectable()
export class KafkaBatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KafkaBatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly tx: TransactionHost,
    private readonly sources: SourceRepository,
    private readonly buffer: RecordBufferRepository,
    private readonly resolver: BuildSpecResolver,
    private readonly jobs: JobService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.checkAll()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.logger.warn(`batch check: ${String(error)}`);
        })
        .finally(() => (this.running = undefined));
    }, CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Checks every Kafka source once; returns the ids of the jobs it created. */
  async checkAll(): Promise<string[]> {
    const created: string[] = [];
    for (const source of await this.tx.run(() => this.sources.listKafka())) {
      const jobId = await this.cutIfDue(source);
      if (jobId) created.push(jobId);
    }
    return created;
  }

  private async cutIfDue(source: SourceRow): Promise<string | undefined> {
    const policy = source.batchPolicy ?? { maxRecords: 10_000, maxWaitSeconds: 3600 };
    const pending = await this.tx.run(() => this.buffer.pending(source.id));
    const due =
      pending.count >= policy.maxRecords ||
      (pending.count > 0 && pending.oldestAgeMs >= policy.maxWaitSeconds * 1000);
    if (!due) return undefined;
    const build = await this.resolver.resolve(source.build);
    const jobId = uuidv7();
    await this.tx.run(async () => {
      await this.jobs.enqueue({
        id: jobId,
        datasetId: source.datasetId,
        origin: { kind: 'source', sourceId: source.id, sourceKind: 'kafka' },
        input: { kind: 'kafka-batch', sourceId: source.id },
        build,
      });
      await this.buffer.claim(source.id, jobId);
    });
    this.logger.log(`cut a batch of ${pending.count} records from source ${source.name} (job ${jobId})`);
    return jobId;
  }
}
