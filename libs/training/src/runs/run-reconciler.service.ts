import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@llmops/contracts';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { RunRepository, type RunRow } from '../repositories/run.repository';
import { RunExecutionService } from './run-execution.service';

/**
 * On boot, decides about every run a previous process left `provisioning` or `running`: Kubernetes
 * runs are reattached (their Job kept going); builtin and process runs died with the process, so they
 * are queued again (a fresh attempt) while attempts remain, else failed with `LOST_ON_RESTART`.
 * Never leaves a run stuck in `running`.
 */
@Injectable()
export class RunReconciler {
  private readonly logger = new Logger(RunReconciler.name);

  constructor(
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    private readonly tx: TransactionHost,
    private readonly runs: RunRepository,
    private readonly events: EventPublisher,
    private readonly execution: RunExecutionService,
  ) {}

  /** Returns the reattached executions (the scheduler tracks them). */
  async reconcile(): Promise<Promise<void>[]> {
    const reattached: Promise<void>[] = [];
    for (const run of await this.tx.run(() => this.runs.listActive())) {
      if (run.executor === 'kubernetes') {
        this.logger.log(`reattaching run ${run.id} (attempt ${String(run.attempt)})`);
        const { token, hash } = this.execution.newToken();
        await this.tx.run(() =>
          this.tx.query('UPDATE training.runs SET callback_token_hash = $2 WHERE id = $1', [run.id, hash]),
        );
        reattached.push(this.execution.execute(run, token, 'reattach'));
        continue;
      }
      await this.recover(run);
    }
    return reattached;
  }

  private async recover(run: RunRow): Promise<void> {
    await this.tx.run(async () => {
      if (run.attempt < this.config.TRAINING_MAX_ATTEMPTS) {
        this.logger.warn(`run ${run.id} was lost with its process; queued again`);
        await this.runs.requeue(run.id);
        return;
      }
      const error = {
        code: 'LOST_ON_RESTART',
        message: `the ${run.executor} run stopped when the training service restarted (attempt ${String(run.attempt)} of ${String(this.config.TRAINING_MAX_ATTEMPTS)})`,
        retryable: true,
      };
      await this.runs.finish(run.id, 'failed', {
        artifacts: run.artifacts,
        error,
        lastLogLines: run.lastLogLines,
      });
      await this.events.publish(
        Topics.runFailed,
        {
          runId: run.id,
          attempt: run.attempt,
          trigger: run.trigger,
          lineage: run.lineage,
          error,
          lastLogLines: run.lastLogLines.slice(-50),
          artifacts: run.artifacts,
          failedAt: new Date().toISOString(),
        },
        { key: run.id },
      );
    });
  }
}
