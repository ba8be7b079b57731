import { Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { RunEvaluationRepository } from '../repositories/run-evaluation.repository';
import { RunRepository, type RunRow } from '../repositories/run.repository';
import { SweepRepository, type SweepRow } from '../repositories/sweep.repository';
import { RunExecutionService } from '../runs/run-execution.service';
import { RunService, toRunView } from '../runs/run.service';
import { bestTrial } from './domain/best-trial';
import { withEvaluationObjective } from './domain/evaluation-objective';
import { isSweepFinished } from './domain/is-sweep-finished';
import { nextTrials } from './domain/next-trials';
import { shouldStopEarly } from './domain/should-stop-early';
import type { SweepTrial, TrialStatus } from './domain/sweep-trial';
import type { CreateSweepDto } from './sweep.dto';

type TrialRun = SweepTrial & { runId: string };

function trialStatus(run: RunRow): TrialStatus {
  if (run.status === 'provisioning') return 'running';
  if (run.status === 'cancelled' && run.error?.code === 'STOPPED_EARLY') return 'stopped';
  return run.status;
}

/**
 * Hyperparameter sweeps: grid, random or TPE trials over a run template, at most `parallelism` at once,
 * median-rule early stopping on the objective curve, and the best run recorded when the budget is spent.
 * The objective is read from the runs' own metrics (`objective.source: run`), or from the evaluation of
 * each trial's registered version by a suite (`objective.source: evaluation`; `evaluation-completed`
 * names the run).
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);

  constructor(
    @Inject(TRAINING_CONFIG) private readonly config: TrainingConfig,
    private readonly tx: TransactionHost,
    private readonly sweeps: SweepRepository,
    private readonly runs: RunRepository,
    private readonly runService: RunService,
    private readonly execution: RunExecutionService,
    private readonly runEvaluations: RunEvaluationRepository,
  ) {}

  async create(dto: CreateSweepDto) {
    if (dto.sweep.objective.source === 'evaluation' && !dto.runTemplate.modelName) {
      const message = 'an objective from evaluation needs a modelName, the model the suite is bound to';
      throw new AppError('MODEL_NAME_REQUIRED', 422, message, {
        errors: [{ path: 'runTemplate.modelName', message }],
      });
    }
    const id = uuidv7();
    await this.tx.run(() =>
      this.sweeps.insert({ id, name: dto.name, spec: dto.sweep, runTemplate: dto.runTemplate }),
    );
    await this.advance(id);
    return this.view(id);
  }

  async view(id: string) {
    const sweep = await this.sweeps.find(id);
    if (!sweep) throw new AppError('SWEEP_NOT_FOUND', 404, `no sweep ${id}`);
    const trials = await this.trials(sweep);
    return {
      id: sweep.id,
      name: sweep.name,
      status: sweep.status,
      spec: sweep.spec,
      bestRunId: sweep.bestRunId,
      trials: trials.map((t) => ({
        trial: t.trial,
        runId: t.runId,
        params: t.params,
        status: t.status,
        objective: t.objective ?? null,
      })),
      createdAt: sweep.createdAt.toISOString(),
      finishedAt: sweep.finishedAt?.toISOString() ?? null,
    };
  }

  async list() {
    return (await this.sweeps.list()).map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      bestRunId: s.bestRunId,
    }));
  }

  /** One step of a sweep: stop losing trials, start new ones up to the parallelism, finish when done. */
  async advance(id: string): Promise<void> {
    const sweep = await this.sweeps.find(id);
    if (sweep?.status !== 'running') return;
    let trials = await this.trials(sweep);
    await this.stopLosers(sweep, trials);
    trials = await this.trials(sweep);
    for (const proposal of nextTrials(sweep.spec, trials)) {
      const spec = {
        ...sweep.runTemplate,
        hyperparameters: { ...sweep.runTemplate.hyperparameters, ...proposal.params },
      };
      try {
        await this.runService.create(
          spec,
          { kind: 'sweep', sweepId: sweep.id, trial: proposal.trial },
          { sweepId: sweep.id, trial: proposal.trial },
        );
      } catch (error) {
        this.logger.warn(`sweep ${sweep.name} trial ${String(proposal.trial)} refused: ${String(error)}`);
        await this.tx.run(() => this.sweeps.setBest(sweep.id, null, true));
        return;
      }
    }
    trials = await this.trials(sweep);
    const best = bestTrial(trials, sweep.spec.objective.direction);
    await this.tx.run(() =>
      this.sweeps.setBest(sweep.id, best?.runId ?? null, isSweepFinished(sweep.spec, trials)),
    );
  }

  private async stopLosers(sweep: SweepRow, trials: TrialRun[]): Promise<void> {
    const rule = sweep.spec.earlyStopping;
    if (!rule) return;
    const metric = sweep.spec.objective.metric;
    const curve = async (runId: string) =>
      (await this.runs.metrics(runId, metric)).map((m) => ({ step: m.step, value: m.value }));
    const completed = await Promise.all(
      trials.filter((t) => t.status === 'succeeded').map((t) => curve(t.runId)),
    );
    for (const trial of trials.filter((t) => t.status === 'running')) {
      if (shouldStopEarly(rule, await curve(trial.runId), completed, sweep.spec.objective.direction)) {
        this.logger.log(`sweep ${sweep.name}: stopping trial ${String(trial.trial)} early (median rule)`);
        this.execution.cancel(trial.runId, 'STOPPED_EARLY');
      }
    }
  }

  private async trials(sweep: SweepRow): Promise<TrialRun[]> {
    const runs = (await this.runs.list({ sweepId: sweep.id, limit: 500 })).filter((r) => r.trial !== null);
    const keys = Object.keys(sweep.spec.search.space);
    const { objective } = sweep.spec;
    const evaluations =
      objective.source === 'evaluation'
        ? await this.runEvaluations.latestFor(
            runs.map((r) => r.id),
            objective.suite ?? '',
          )
        : null;
    const now = new Date();
    return runs
      .map((r): TrialRun => {
        const trial: TrialRun = {
          trial: r.trial ?? 0,
          runId: r.id,
          params: Object.fromEntries(keys.map((k) => [k, r.spec.hyperparameters[k]])),
          status: trialStatus(r),
          objective: r.latestMetrics[objective.metric] ?? null,
        };
        if (!evaluations) return trial;
        return {
          ...withEvaluationObjective(trial, r, evaluations.get(r.id), {
            metric: objective.metric,
            now,
            timeoutMs: this.config.TRAINING_SWEEP_EVALUATION_TIMEOUT_MS,
          }),
          runId: r.id,
        };
      })
      .sort((a, b) => a.trial - b.trial);
  }

  /** For the API: the runs of a sweep. */
  async runsOf(id: string) {
    return (await this.runs.list({ sweepId: id, limit: 500 })).map(toRunView);
  }
}
