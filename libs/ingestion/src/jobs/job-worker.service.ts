import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';
import { JobRepository, type JobRow } from '../repositories/job.repository';
import { VersionBuilder } from '../versions/version-builder.service';
import { JobOutcomeRecorder } from './job-outcome.recorder';

/**
 * Builds queued versions in the background: claims a job (`SKIP LOCKED`, so replicas share the queue),
 * keeps a heartbeat while building, and records success or failure. Jobs whose worker died are found by
 * their stale heartbeat and queued again (bounded attempts) — a job never stays `running` forever.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobWorker.name);
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    private readonly tx: TransactionHost,
    private readonly jobs: JobRepository,
    private readonly builder: VersionBuilder,
    private readonly outcome: JobOutcomeRecorder,
    private readonly wakeup: PollWakeup,
  ) {}

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  onApplicationBootstrap(): void {
    for (let i = 0; i < this.config.INGESTION_WORKER_CONCURRENCY; i++) this.loops.push(this.loop());
  }

  async onModuleDestroy(): Promise<void> {
    this.abort.abort();
    this.wakeup.notify();
    await Promise.allSettled(this.loops);
    this.loops = [];
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.recoverStale();
        const job = await this.tx.run(() => this.jobs.claimNext());
        if (job) {
          await this.run(job);
          continue;
        }
      } catch (error) {
        // The database may be restarting; wait and try again rather than exiting the loop.
        this.logger.warn(`job loop: ${String(error)}`);
      }
      await this.wakeup.wait(this.config.INGESTION_POLL_MS);
    }
  }

  private async run(job: JobRow): Promise<void> {
    this.logger.log(
      `building ${job.datasetId} version ${job.versionId} (job ${job.id}, attempt ${job.attempts})`,
    );
    const beat = setInterval(
      () => {
        void this.tx.run(() => this.jobs.heartbeat(job.id)).catch(() => undefined);
      },
      Math.max(1000, Math.floor(this.config.INGESTION_JOB_STALE_MS / 4)),
    );
    try {
      const built = await this.builder.build(job, this.abort.signal);
      await this.outcome.succeeded(job, built);
    } catch (error) {
      if (this.stopping) return; // shutting down: the job goes back to the queue when stale
      await this.outcome.failed(job, error);
    } finally {
      clearInterval(beat);
    }
  }

  private async recoverStale(): Promise<void> {
    await this.tx.run(async () => {
      for (const job of await this.jobs.findStale(this.config.INGESTION_JOB_STALE_MS)) {
        if (job.attempts < this.config.INGESTION_JOB_MAX_ATTEMPTS) {
          this.logger.warn(`job ${job.id} lost its worker; queued again (attempt ${job.attempts})`);
          await this.jobs.requeue(job.id);
        } else {
          await this.outcome.failed(
            job,
            Object.assign(new Error(`worker lost ${job.attempts} times`), {
              code: 'worker-lost',
            }),
          );
        }
      }
    });
  }
}
