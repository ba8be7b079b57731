import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics, type EvaluationCompletedV1 } from '@llmops/contracts';
import {
  EvaluationError,
  JUDGE_GENERATION,
  runSuite,
  type Predictor,
  type SuiteOutcome,
  type SuiteWarning,
} from '@llmops/eval-suite';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { ModelCatalogRepository, type CatalogModelVersion } from '../catalog/model-catalog.repository';
import { EVALUATION_CONFIG, type EvaluationConfig } from '../config';
import { errorInfo, evaluatedDatasets, toEvaluationResult, versionRef } from './evaluation-result';
import type { EvaluationRow } from './evaluation-row';
import { EvaluationReports } from './evaluation-reports.service';
import { EvaluationRepository } from './evaluation.repository';
import { PredictorFactory } from './predictor.factory';
import { SuiteItemsLoader } from './suite-items.loader';
import { TrainingOverlapCheck } from './training-overlap.check';

/**
 * Runs one claimed evaluation: items from the frozen dataset versions, the candidate (and the production
 * champion) answering them, probes, contamination warning, gate; then `report.json` and
 * `predictions.jsonl` in S3 and `evaluation-completed` with the row's final state, in one transaction.
 * Any failure ends in `evaluation-failed` with a stable code.
 */
@Injectable()
export class EvaluationRunner {
  private readonly logger = new Logger(EvaluationRunner.name);

  constructor(
    @Inject(EVALUATION_CONFIG) private readonly config: EvaluationConfig,
    private readonly tx: TransactionHost,
    private readonly evaluations: EvaluationRepository,
    private readonly models: ModelCatalogRepository,
    private readonly items: SuiteItemsLoader,
    private readonly predictors: PredictorFactory,
    private readonly overlap: TrainingOverlapCheck,
    private readonly reports: EvaluationReports,
    private readonly events: EventPublisher,
  ) {}

  async execute(row: EvaluationRow, signal: AbortSignal): Promise<void> {
    let progress: EvaluationRow['progress'] = { stage: 'loading', done: 0, total: 0 };
    const beat = setInterval(
      () => {
        this.evaluations.heartbeat(row.id, progress).catch((error: unknown) => {
          this.logger.warn(`heartbeat ${row.id}: ${String(error)}`);
        });
      },
      Math.max(250, Math.floor(this.config.EVALUATION_STALE_AFTER_MS / 4)),
    );
    const startedAt = new Date();
    try {
      const outcome = await this.evaluate(row, signal, (stage, done, total) => {
        progress = { stage, done, total };
      });
      if (signal.aborted) return; // shutting down: the next process takes the evaluation over
      await this.complete(row, outcome, startedAt);
    } catch (error) {
      if (signal.aborted) return;
      await this.fail(row, error);
    } finally {
      clearInterval(beat);
    }
  }

  private async evaluate(
    row: EvaluationRow,
    signal: AbortSignal,
    onProgress: (stage: string, done: number, total: number) => void,
  ): Promise<{ outcome: SuiteOutcome; champion: CatalogModelVersion | null }> {
    const spec = row.suiteSpec;
    const settings = { maxTokens: spec.generation.maxTokens, stop: spec.generation.stop };
    const { items, texts } = await this.items.load(row.datasets, spec.maxItems);
    let candidate: Predictor;
    let champion: { version: CatalogModelVersion; predictor: Predictor } | null = null;
    const warnings: SuiteWarning[] = [];
    if (row.candidate.kind === 'endpoint') {
      candidate = this.predictors.endpoint(row.candidate.baseUrl, row.candidate.model, settings);
    } else {
      const version = await this.models.byId(row.candidate.versionId);
      if (!version)
        throw new EvaluationError(
          'EVAL_MODEL_UNAVAILABLE',
          `model version ${row.candidate.versionId} left the catalogue`,
        );
      candidate = await this.predictors.registered(version, settings);
      const production = await this.models.champion(version.modelName, version.versionId);
      if (production)
        champion = { version: production, predictor: await this.predictors.registered(production, settings) };
      warnings.push(...(await this.overlap.warnings(version, texts)));
    }
    const judge = spec.judge
      ? this.predictors.endpoint(spec.judge.baseUrl, spec.judge.model, JUDGE_GENERATION)
      : undefined;
    const outcome = await runSuite({
      items,
      plan: spec,
      candidate,
      champion: champion?.predictor ?? null,
      gate: row.gatePolicy?.rules ?? null,
      warnings,
      concurrency: this.predictors.concurrency,
      toxicity: this.predictors.toxicity,
      ...(judge ? { judge } : {}),
      signal,
      onProgress,
    });
    return { outcome, champion: champion?.version ?? null };
  }

  private async complete(
    row: EvaluationRow,
    { outcome, champion }: { outcome: SuiteOutcome; champion: CatalogModelVersion | null },
    startedAt: Date,
  ): Promise<void> {
    const datasets = evaluatedDatasets(row);
    const stored = await this.reports.write(row.id, row.attempt, outcome, row.suiteSpec, {
      evaluationId: row.id,
      candidate: row.candidate,
      champion: champion && versionRef(champion),
      suite: row.suite,
      datasets,
      gatePolicy: row.gatePolicy,
      trigger: row.trigger,
    });
    const result = toEvaluationResult(row, outcome, champion, stored, startedAt);
    const event: EvaluationCompletedV1 = {
      evaluationId: row.id,
      candidate: row.candidate,
      suite: row.suite,
      trigger: row.trigger,
      datasets,
      ...result,
    };
    await this.tx.run(async () => {
      await this.evaluations.succeed(row.id, result);
      await this.events.publish(Topics.evaluationCompleted, event, { key: row.id });
    });
    this.logger.log(
      `evaluation ${row.id} succeeded: ${String(outcome.itemCount)} items, gate ${result.gate?.verdict ?? 'none'}`,
    );
  }

  private async fail(row: EvaluationRow, error: unknown): Promise<void> {
    const info = errorInfo(error);
    this.logger.warn(`evaluation ${row.id} failed: ${info.code} ${info.message}`);
    await this.tx.run(async () => {
      await this.evaluations.fail(row.id, info);
      await this.events.publish(
        Topics.evaluationFailed,
        {
          evaluationId: row.id,
          candidate: row.candidate,
          suite: row.suite,
          trigger: row.trigger,
          error: info,
          failedAt: new Date().toISOString(),
        },
        { key: row.id },
      );
    });
  }

  /** For evaluations whose process died once too often. */
  async failLost(row: EvaluationRow): Promise<void> {
    await this.fail(
      row,
      new EvaluationError('EVAL_LOST', `the evaluation's process stopped ${String(row.attempt)} times`),
    );
  }
}
