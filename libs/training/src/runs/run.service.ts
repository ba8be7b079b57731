import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@llmops/http';
import { PollWakeup, TransactionHost } from '@llmops/persistence';
import { TERMINAL_STATUSES, type RunTriggerInfo } from '../domain/run-status';
import type { RunSpec } from '../domain/run-spec';
import { RunRepository, type RunRow } from '../repositories/run.repository';
import type { RunView } from './run.dto';
import { RunExecutionService } from './run-execution.service';
import { RunSpecValidator } from './run-spec.validator';

export const toRunView = (r: RunRow): RunView => ({
  id: r.id,
  name: r.name,
  status: r.status,
  executor: r.executor,
  priority: r.priority,
  attempt: r.attempt,
  spec: r.spec,
  lineage: r.lineage,
  trigger: r.trigger,
  progress: r.progress,
  metrics: r.latestMetrics,
  artifacts: r.artifacts,
  error: r.error,
  lastLogLines: r.lastLogLines,
  sweepId: r.sweepId,
  trial: r.trial,
  planId: r.planId,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  runningAt: r.runningAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Creating, reading, cancelling and retrying runs. Execution belongs to the scheduler. */
@Injectable()
export class RunService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly runs: RunRepository,
    private readonly validator: RunSpecValidator,
    private readonly execution: RunExecutionService,
    private readonly wakeup: PollWakeup,
  ) {}

  /** Queues a run (joins the caller's transaction: plans and sweeps queue runs with their own writes). */
  async create(
    input: RunSpec,
    trigger: RunTriggerInfo,
    origin: { sweepId?: string; trial?: number; planId?: string } = {},
  ): Promise<RunView> {
    const { spec, lineage } = await this.validator.validate(input);
    const id = uuidv7();
    const view = await this.tx.run(async () => {
      await this.runs.insert({
        id,
        name: spec.name ?? null,
        executor: spec.executor.kind,
        priority: spec.priority,
        spec,
        lineage,
        trigger,
        sweepId: origin.sweepId ?? null,
        trial: origin.trial ?? null,
        planId: origin.planId ?? null,
      });
      return toRunView(await this.require(id));
    });
    this.tx.afterCommit(() => {
      this.wakeup.notify();
    });
    this.wakeup.notify();
    return view;
  }

  async view(id: string): Promise<RunView> {
    return toRunView(await this.require(id));
  }

  async list(filter: { status?: string; sweepId?: string; limit: number }): Promise<RunView[]> {
    return (await this.runs.list(filter)).map(toRunView);
  }

  async metrics(id: string, name?: string) {
    await this.require(id);
    return this.runs.metrics(id, name);
  }

  /** Queued runs are cancelled at once; running ones when their executor has stopped the workload. */
  async cancel(id: string): Promise<RunView> {
    const run = await this.require(id);
    if (TERMINAL_STATUSES.has(run.status)) {
      throw new AppError('RUN_FINISHED', 409, `run ${id} already ${run.status}`);
    }
    if (run.status === 'queued') {
      await this.tx.run(() => this.runs.finish(id, 'cancelled', { artifacts: [] }));
    } else if (!this.execution.cancel(id)) {
      throw new AppError(
        'RUN_NOT_HERE',
        409,
        `run ${id} is executing in another training replica; cancel it there`,
      );
    }
    return this.view(id);
  }

  /** A failed or cancelled run goes back to the queue as a new attempt (same spec and lineage). */
  async retry(id: string): Promise<RunView> {
    const run = await this.require(id);
    if (run.status !== 'failed' && run.status !== 'cancelled') {
      throw new AppError(
        'RUN_NOT_RETRYABLE',
        409,
        `only failed or cancelled runs can be retried; run ${id} is ${run.status}`,
      );
    }
    await this.tx.run(() => this.runs.requeue(id));
    this.wakeup.notify();
    return this.view(id);
  }

  async require(id: string): Promise<RunRow> {
    const run = await this.runs.find(id);
    if (!run) throw new AppError('RUN_NOT_FOUND', 404, `no training run ${id}`);
    return run;
  }
}
