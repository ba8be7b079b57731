import { Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { DatasetVersionCreatedV1, RetrainingRequestedV1 } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { RunSpecSchema } from '../domain/run-spec';
import { DatasetCatalogRepository } from '../repositories/dataset-catalog.repository';
import { PlanRepository, type PlanRow } from '../repositories/plan.repository';
import { RunService } from '../runs/run.service';
import { buildRunSpecFromPlan } from './domain/build-run-spec-from-plan';
import { cooldownBlocks } from './domain/cooldown-blocks';
import { isScheduleDue } from './domain/is-schedule-due';
import { matchesDatasetVersion } from './domain/matches-dataset-version';
import { matchesRetraining } from './domain/matches-retraining';
import type { KnownDatasetVersion, PlanFiring } from './domain/plan-firing';
import { latestDatasetRefs } from './domain/run-spec-template';
import type { CreatePlanDto, PlanView } from './plan.dto';

const toView = (p: PlanRow): PlanView => ({
  id: p.id,
  name: p.name,
  trigger: p.trigger,
  runTemplate: p.runTemplate,
  cooldownSeconds: p.cooldownSeconds,
  enabled: p.enabled,
  lastFiredAt: p.lastFiredAt?.toISOString() ?? null,
  createdAt: p.createdAt.toISOString(),
});

/**
 * Training plans: start a run from a template when a dataset version matches, when monitoring asks for
 * retraining, or on a schedule. A cooldown stops a plan from firing again too soon (e.g. looping on its
 * own outputs). Firing happens in the triggering event's transaction; a plan whose run spec turns out
 * invalid is skipped and logged, never failing the event for the other plans.
 */
@Injectable()
export class PlanService {
  private readonly logger = new Logger(PlanService.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly plans: PlanRepository,
    private readonly catalog: DatasetCatalogRepository,
    private readonly runs: RunService,
  ) {}

  async create(dto: CreatePlanDto): Promise<PlanView> {
    return this.tx.run(async () => {
      if (await this.plans.find(dto.name))
        throw new AppError('PLAN_NAME_TAKEN', 409, `a plan named ${dto.name} already exists`);
      const id = uuidv7();
      await this.plans.insert({
        id,
        name: dto.name,
        trigger: dto.trigger,
        runTemplate: dto.runTemplate,
        cooldownSeconds: dto.cooldownSeconds,
      });
      return this.view(id);
    });
  }

  async list(): Promise<PlanView[]> {
    return (await this.plans.list()).map(toView);
  }

  async view(idOrName: string): Promise<PlanView> {
    const plan = await this.plans.find(idOrName);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', 404, `no training plan ${idOrName}`);
    return toView(plan);
  }

  async setEnabled(idOrName: string, enabled: boolean): Promise<PlanView> {
    const plan = await this.plans.find(idOrName);
    if (!plan) throw new AppError('PLAN_NOT_FOUND', 404, `no training plan ${idOrName}`);
    await this.tx.run(() => this.plans.setEnabled(plan.id, enabled));
    return this.view(plan.id);
  }

  /** Called by the dataset-version-created consumer, after the catalogue recorded the version. */
  async onDatasetVersion(event: DatasetVersionCreatedV1, eventId: string): Promise<string[]> {
    const version: KnownDatasetVersion = {
      datasetId: event.datasetId,
      datasetName: event.datasetName,
      versionId: event.versionId,
      version: event.version,
    };
    return this.fire('dataset-version', eventId, (p) => matchesDatasetVersion(p.trigger, event), {
      kind: 'dataset-version',
      datasetVersion: version,
    });
  }

  async onRetrainingRequested(event: RetrainingRequestedV1, eventId: string): Promise<string[]> {
    return this.fire('retraining-requested', eventId, (p) => matchesRetraining(p.trigger, event), {
      kind: 'retraining-requested',
      suggestedDatasets: event.suggestedDatasets,
    });
  }

  /** Scheduled plans that are due (called by the plan clock). */
  async onClock(now = new Date()): Promise<string[]> {
    return this.fire('schedule', null, (p) => isScheduleDue(p.trigger, p.lastFiredAt ?? p.createdAt, now), {
      kind: 'schedule',
    });
  }

  private fire(
    kind: PlanRow['trigger']['kind'],
    eventId: string | null,
    matches: (plan: PlanRow) => boolean,
    firing: PlanFiring,
  ): Promise<string[]> {
    return this.tx.run(async () => {
      const started: string[] = [];
      const now = new Date();
      for (const plan of await this.plans.enabledOfKind(kind)) {
        if (!matches(plan)) continue;
        if (cooldownBlocks(plan, plan.lastFiredAt, now)) {
          this.logger.log(`plan ${plan.name} matched but is cooling down`);
          continue;
        }
        try {
          const runId = await this.startRun(plan, firing, eventId);
          await this.plans.markFired(plan.id, now);
          started.push(runId);
        } catch (error) {
          this.logger.warn(
            `plan ${plan.name} could not start a run: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return started;
    });
  }

  private async startRun(plan: PlanRow, firing: PlanFiring, eventId: string | null): Promise<string> {
    const latest: KnownDatasetVersion[] = [];
    for (const ref of latestDatasetRefs(plan.runTemplate)) {
      const newest = await this.catalog.latestVersion(ref.datasetId ?? null, ref.datasetName ?? null);
      if (newest) latest.push(newest);
    }
    const built = buildRunSpecFromPlan(plan.runTemplate, firing, latest);
    if (!built.ok) throw new AppError(built.code, 422, built.detail);
    const spec = RunSpecSchema.safeParse(built.runSpec);
    if (!spec.success) throw new AppError('INVALID_PLAN_TEMPLATE', 422, spec.error.message);
    const run = await this.runs.create(
      spec.data,
      { kind: 'plan', planId: plan.id, causationEventId: eventId },
      { planId: plan.id },
    );
    this.logger.log(`plan ${plan.name} started run ${run.id}`);
    return run.id;
  }
}
