import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { TRAINING_EXECUTORS, type ExecutorRegistry } from '../executors/executor-registry';
import { RunRepository } from '../repositories/run.repository';
import { RunExecutionService } from './run-execution.service';
import { RunReconciler } from './run-reconciler.service';

/**
 * The queue: per executor, starts queued runs (priority first, then age) while fewer than the
 * executor's limit are provisioning or running. Claims use `SKIP LOCKED`, so replicas share the queue.
 * Reconciles runs left active by a previous process before taking new ones.
 */
@Injectable()
export class RunScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RunScheduler.name);
  private stopped = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    @Inject(TRAINING_EXECUTORS) private readonly executors: ExecutorRegistry,
    private readonly tx: TransactionHost,
    private readonly runs: RunRepository,
    private readonly execution: RunExecutionService,
    private readonly reconciler: RunReconciler,
    private readonly wakeup: PollWakeup,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wakeup.notify();
    this.execution.abortAll();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private limit(kind: string): number {
    if (kind === 'builtin') return this.config.TRAINING_MAX_RUNNING_BUILTIN;
    if (kind === 'process') return this.config.TRAINING_MAX_RUNNING_PROCESS;
    return this.config.TRAINING_MAX_RUNNING_KUBERNETES;
  }

  private async run(): Promise<void> {
    let reconciled = false;
    while (!this.stopped) {
      try {
        if (!reconciled) {
          for (const work of await this.reconciler.reconcile()) this.track(work);
          reconciled = true;
        }
        await this.startQueued();
      } catch (error) {
        this.logger.warn(`scheduler: ${String(error)}`); // the database may be restarting; try again
      }
      await this.wakeup.wait(this.config.TRAINING_POLL_MS);
    }
  }

  private async startQueued(): Promise<void> {
    for (const kind of this.executors.keys()) {
      for (;;) {
        if (this.stopped) return;
        const claimed = await this.tx.run(async () => {
          if ((await this.runs.countActive(kind)) >= this.limit(kind)) return null;
          const { token, hash } = this.execution.newToken();
          const run = await this.runs.claimNext(kind, hash);
          return run ? { run, token } : null;
        });
        if (!claimed) break;
        this.track(this.execution.execute(claimed.run, claimed.token));
      }
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => {
      this.inFlight.delete(tracked);
      this.wakeup.notify(); // capacity freed
    });
    this.inFlight.add(tracked);
  }
}
