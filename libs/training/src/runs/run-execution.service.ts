import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics, type ErrorInfo, type ModelArtifact, type RunCompletedV1 } from '@llmops/contracts';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { TRAINING_EXECUTORS, type ExecutorRegistry } from '../executors/executor-registry';
import type { ExecutorOutcome, ExecutorRun, RunMetricsSample } from '../executors/training-executor';
import { RunRepository, type RunRow } from '../repositories/run.repository';
import { RunIoResolver } from './run-io.resolver';

const LOG_LINES = 50;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function finite(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => Number.isFinite(v)));
}

/**
 * Runs one claimed run on its executor and records everything: `run-started`, metrics (stored per step,
 * `run-progressed` throttled), then `run-completed` or `run-failed` in the same transaction as the final
 * state. Cancelling aborts the executor's signal.
 */
@Injectable()
export class RunExecutionService {
  private readonly logger = new Logger(RunExecutionService.name);
  private readonly active = new Map<string, AbortController>();

  constructor(
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    @Inject(TRAINING_EXECUTORS) private readonly executors: ExecutorRegistry,
    private readonly tx: TransactionHost,
    private readonly runs: RunRepository,
    private readonly events: EventPublisher,
    private readonly io: RunIoResolver,
  ) {}

  get activeCount(): number {
    return this.active.size;
  }

  /** Aborts a run this process is executing; false when it runs elsewhere (or not at all). */
  cancel(runId: string, reason = 'cancelled'): boolean {
    const controller = this.active.get(runId);
    if (!controller) return false;
    controller.abort(new Error(reason));
    return true;
  }

  /** Aborts everything on shutdown; the runs stay `running` and the next boot's reconciler decides. */
  abortAll(): void {
    for (const controller of this.active.values()) {
      controller.abort(Object.assign(new Error('shutdown'), { code: 'shutdown' }));
    }
  }

  /** Issues a fresh callback token (stored hashed) for a run about to be claimed. */
  newToken(): { token: string; hash: string } {
    const token = `run_${randomBytes(24).toString('base64url')}`;
    return { token, hash: hashToken(token) };
  }

  async execute(run: RunRow, token: string, mode: 'start' | 'reattach' = 'start'): Promise<void> {
    const controller = new AbortController();
    this.active.set(run.id, controller);
    const startedAt = run.startedAt ?? new Date();
    const writes = new WriteQueue(this.logger);
    const log: string[] = [...run.lastLogLines];
    let lastProgress = 0;
    try {
      if (mode === 'start') {
        await this.tx.run(() =>
          this.events.publish(
            Topics.runStarted,
            {
              runId: run.id,
              attempt: run.attempt,
              trigger: run.trigger,
              lineage: run.lineage,
              startedAt: startedAt.toISOString(),
            },
            { key: run.id },
          ),
        );
      }
      const executor = this.executors.get(run.executor);
      if (!executor)
        throw Object.assign(new Error(`no ${run.executor} executor in this service`), {
          code: 'EXECUTOR_UNAVAILABLE',
        });
      const executorRun: ExecutorRun = {
        runId: run.id,
        attempt: run.attempt,
        method: run.spec.method,
        hyperparameters: run.lineage.hyperparameters,
        baseModel:
          run.spec.baseModel.kind === 'builtin'
            ? { kind: 'builtin', name: run.spec.baseModel.name }
            : run.spec.baseModel.kind === 'huggingface'
              ? { kind: 'huggingface', id: run.spec.baseModel.repoId }
              : {
                  kind: 'registry',
                  id: `${run.spec.baseModel.modelName}@${String(run.spec.baseModel.version)}`,
                },
        settings: run.spec.executor.settings,
        io: await this.io.resolve(run),
        callback: { url: this.callbackUrl(run.id), token },
        signal: controller.signal,
        onMetrics: (sample) => {
          const now = Date.now();
          const publish = now - lastProgress >= this.config.TRAINING_PROGRESS_INTERVAL_MS;
          if (publish) lastProgress = now;
          writes.push(() => this.recordSample(run, sample, publish));
        },
        onLog: (line) => {
          log.push(line);
          if (log.length > LOG_LINES) log.shift();
        },
        onRunning: () => {
          writes.push(() => this.tx.run(() => this.runs.markRunning(run.id)));
        },
      };
      const outcome =
        mode === 'reattach'
          ? ((await executor.reattach(executorRun)) ?? lostOutcome(log))
          : await executor.run(executorRun);
      await writes.drain();
      if (isShutdown(controller.signal)) return; // left active: the next boot reattaches or re-queues it
      await this.record(run, outcome, startedAt, log, cancelReason(controller.signal));
    } catch (error) {
      await writes.drain();
      if (isShutdown(controller.signal)) return;
      const code =
        typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'RUN_FAILED';
      await this.record(
        run,
        {
          status: 'failed',
          code,
          reason: error instanceof Error ? error.message : String(error),
          lastLogLines: log,
          artifacts: [],
        },
        startedAt,
        log,
      ).catch((e: unknown) => {
        this.logger.error(`could not record the failure of ${run.id}: ${String(e)}`);
      });
    } finally {
      this.active.delete(run.id);
    }
  }

  private async recordSample(run: RunRow, sample: RunMetricsSample, publish: boolean): Promise<void> {
    const values = finite(sample.values);
    const epoch = values['epoch'] ?? null;
    const progress = { step: sample.step, totalSteps: sample.totalSteps ?? null, epoch };
    await this.tx.run(async () => {
      await this.runs.recordMetrics(run.id, run.attempt, sample.step, values, progress);
      if (!publish) return;
      await this.events.publish(
        Topics.runProgressed,
        {
          runId: run.id,
          attempt: run.attempt,
          step: sample.step,
          totalSteps: sample.totalSteps && sample.totalSteps > 0 ? sample.totalSteps : null,
          epoch,
          metrics: values,
          checkpoint: null,
          measuredAt: new Date().toISOString(),
        },
        { key: run.id },
      );
    });
  }

  private async record(
    run: RunRow,
    outcome: ExecutorOutcome,
    startedAt: Date,
    log: string[],
    cancelledBecause: string | null = null,
  ): Promise<void> {
    const now = new Date().toISOString();
    await this.tx.run(async () => {
      const current = await this.runs.find(run.id, true);
      if (
        !current ||
        current.attempt !== run.attempt ||
        ['succeeded', 'failed', 'cancelled'].includes(current.status)
      )
        return;
      if (outcome.status === 'cancelled') {
        const error =
          cancelledBecause === 'STOPPED_EARLY'
            ? { code: 'STOPPED_EARLY', message: 'stopped early by its sweep (median rule)', retryable: false }
            : null;
        await this.runs.finish(run.id, 'cancelled', {
          artifacts: outcome.artifacts,
          lastLogLines: log,
          error,
        });
        return;
      }
      if (outcome.status === 'failed') {
        const error: ErrorInfo = {
          code: toCode(outcome.code),
          message: outcome.reason.slice(0, 2000) || outcome.code,
          retryable: false,
        };
        await this.runs.finish(run.id, 'failed', {
          artifacts: outcome.artifacts,
          error,
          lastLogLines: outcome.lastLogLines.slice(-LOG_LINES),
        });
        await this.events.publish(
          Topics.runFailed,
          {
            runId: run.id,
            attempt: run.attempt,
            trigger: run.trigger,
            lineage: run.lineage,
            error,
            lastLogLines: outcome.lastLogLines.slice(-LOG_LINES),
            artifacts: outcome.artifacts,
            failedAt: now,
          },
          { key: run.id },
        );
        return;
      }
      const metrics = finite(outcome.metrics);
      const lineage = { ...run.lineage, trainer: outcome.trainer || run.lineage.trainer };
      await this.runs.finish(run.id, 'succeeded', {
        artifacts: outcome.artifacts,
        lastLogLines: log,
        metrics,
        lineage,
      });
      const completed: RunCompletedV1 = {
        runId: run.id,
        attempt: run.attempt,
        trigger: run.trigger,
        lineage,
        modelFormat: modelFormatOf(run, outcome.artifacts),
        artifacts: outcome.artifacts,
        metrics,
        startedAt: startedAt.toISOString(),
        completedAt: now,
        ...(run.spec.modelName ? { modelName: run.spec.modelName } : {}),
      };
      await this.events.publish(Topics.runCompleted, completed, { key: run.id });
    });
  }

  private callbackUrl(runId: string): string {
    const base =
      this.config.TRAINING_CALLBACK_BASE_URL ?? `http://127.0.0.1:${process.env['PORT'] ?? '3003'}`;
    return `${base.replace(/\/$/, '')}/v1/training/runs/${runId}/callback`;
  }
}

function modelFormatOf(run: RunRow, artifacts: readonly ModelArtifact[]): RunCompletedV1['modelFormat'] {
  if (run.executor === 'builtin') return 'builtin';
  return artifacts.some((a) => a.role === 'adapter') ? 'adapter' : 'huggingface';
}

function isShutdown(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason;
  return (
    signal.aborted &&
    typeof reason === 'object' &&
    reason !== null &&
    (reason as { code?: unknown }).code === 'shutdown'
  );
}

function cancelReason(signal: AbortSignal): string | null {
  return signal.aborted && signal.reason instanceof Error ? signal.reason.message : null;
}

function lostOutcome(log: string[]): ExecutorOutcome {
  return {
    status: 'failed',
    code: 'EXECUTOR_LOST',
    reason: 'the workload was not found after a restart',
    lastLogLines: log,
    artifacts: [],
  };
}

/** `TRAINER_EXITED` stays; `worker-lost` becomes `WORKER_LOST`: the contract wants SCREAMING_SNAKE_CASE. */
function toCode(code: string): string {
  const normalized = code
    .replace(/[^a-z0-9]+/gi, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z]/.test(normalized) ? normalized : `E_${normalized}`;
}

/** Serialises the run's database writes (metrics arrive faster than transactions on PGlite). */
class WriteQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly logger: Logger) {}

  push(write: () => Promise<void>): void {
    this.tail = this.tail.then(write).catch((error: unknown) => {
      this.logger.warn(`run write failed: ${String(error)}`);
    });
  }

  drain(): Promise<void> {
    return this.tail;
  }
}
