import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { RunRepository, type RunRow } from '../repositories/run.repository';
import { hashToken } from './run-execution.service';

/**
 * Trainer callbacks (docs/training-protocol.md): a trainer posts metrics and log lines with the run's
 * bearer token, which is issued per attempt and stored only as a sha256.
 */
@Injectable()
export class RunCallbackService {
  private readonly lastProgress = new Map<string, number>();

  constructor(
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    private readonly tx: TransactionHost,
    private readonly runs: RunRepository,
    private readonly events: EventPublisher,
  ) {}

  async metrics(
    runId: string,
    authorization: string | undefined,
    sample: { step: number; totalSteps?: number; values: Record<string, number> },
  ) {
    const run = await this.authorize(runId, authorization);
    const values = Object.fromEntries(Object.entries(sample.values).filter(([, v]) => Number.isFinite(v)));
    const epoch = values['epoch'] ?? null;
    const now = Date.now();
    const publish = now - (this.lastProgress.get(runId) ?? 0) >= this.config.TRAINING_PROGRESS_INTERVAL_MS;
    if (publish) this.lastProgress.set(runId, now);
    await this.tx.run(async () => {
      await this.runs.recordMetrics(run.id, run.attempt, sample.step, values, {
        step: sample.step,
        totalSteps: sample.totalSteps ?? null,
        epoch,
      });
      if (!publish) return;
      await this.events.publish(
        Topics.runProgressed,
        {
          runId: run.id,
          attempt: run.attempt,
          step: sample.step,
          totalSteps: sample.totalSteps ?? null,
          epoch,
          metrics: values,
          checkpoint: null,
          measuredAt: new Date().toISOString(),
        },
        { key: run.id },
      );
    });
  }

  async logs(runId: string, authorization: string | undefined, lines: string[]): Promise<void> {
    const run = await this.authorize(runId, authorization);
    const kept = [...run.lastLogLines, ...lines].slice(-50);
    await this.tx.run(() =>
      this.tx.query('UPDATE training.runs SET last_log_lines = $2 WHERE id = $1', [
        run.id,
        JSON.stringify(kept),
      ]),
    );
  }

  private async authorize(runId: string, authorization: string | undefined): Promise<RunRow> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    const run = await this.runs.find(runId);
    const expected = run?.callbackTokenHash;
    const ok =
      token !== undefined &&
      expected != null &&
      timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(expected, 'hex'));
    if (!run || !ok)
      throw new AppError('INVALID_RUN_TOKEN', 401, 'the run token is missing, wrong or expired');
    if (run.status !== 'provisioning' && run.status !== 'running') {
      throw new AppError('RUN_NOT_ACTIVE', 409, `run ${runId} is ${run.status}`);
    }
    return run;
  }
}
