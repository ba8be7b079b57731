import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import { EVALUATION_CONFIG, type EvaluationConfig } from '../config';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationRunner } from './evaluation-runner.service';

/**
 * The queue: takes queued evaluations (oldest first, `SKIP LOCKED`, so replicas share it) while fewer
 * than `EVALUATION_MAX_RUNNING` run here, and takes over evaluations whose process stopped sending
 * heartbeats. On shutdown, running evaluations are abandoned to the next process, not failed.
 */
@Injectable()
export class EvaluationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EvaluationWorker.name);
  private readonly shutdown = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(EVALUATION_CONFIG) private readonly config: EvaluationConfig,
    private readonly tx: TransactionHost,
    private readonly evaluations: EvaluationRepository,
    private readonly runner: EvaluationRunner,
    private readonly wakeup: PollWakeup,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    this.wakeup.notify();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (!this.shutdown.signal.aborted) {
      try {
        await this.recover();
        await this.startQueued();
      } catch (error) {
        this.logger.warn(`worker: ${String(error)}`); // the database may be restarting; try again
      }
      await this.wakeup.wait(this.config.EVALUATION_POLL_MS);
    }
  }

  private async recover(): Promise<void> {
    // One transaction: the rows found lost stay locked until their failure is recorded and announced.
    await this.tx.run(async () => {
      const lost = await this.evaluations.recoverStale(
        this.config.EVALUATION_STALE_AFTER_MS,
        this.config.EVALUATION_MAX_ATTEMPTS,
      );
      for (const row of lost) await this.runner.failLost(row);
    });
  }

  private async startQueued(): Promise<void> {
    while (!this.shutdown.signal.aborted && this.inFlight.size < this.config.EVALUATION_MAX_RUNNING) {
      const row = await this.tx.run(() => this.evaluations.claimNext());
      if (!row) return;
      this.logger.log(`evaluation ${row.id} started (attempt ${String(row.attempt)})`);
      const work = this.runner.execute(row, this.shutdown.signal).finally(() => {
        this.inFlight.delete(work);
        this.wakeup.notify(); // capacity freed
      });
      this.inFlight.add(work);
    }
  }
}
