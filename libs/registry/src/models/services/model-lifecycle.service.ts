import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Actor, ModelStage } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { allowedTargetStages, isGatedStage, isTransitionAllowed } from '../domain/model-stage-transitions';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { PromotionGate } from '../promotion-gate';
import { ModelAliasRepository } from '../repositories/model-alias.repository';
import { ModelRepository } from '../repositories/model.repository';
import { ModelVersionRepository } from '../repositories/model-version.repository';
import { ModelLookupService } from './model-lookup.service';
import { ModelStageRecorder } from './model-stage-recorder.service';

/** A request to move one version to another stage. */
export interface TransitionInput {
  modelName: string;
  version: number;
  toStage: ModelStage;
  actor: Actor;
  /** Why; required when archiving (the retirement reason). Defaults to a note naming the actor. */
  reason?: string;
  /** The `rowVersion` the caller last saw; a mismatch answers 409 `CONCURRENT_MODIFICATION`. */
  expectedRowVersion?: number;
  /** What justified the move; `evaluationId` and `approvalRequestId` (UUIDs) are copied into the event. */
  evidence?: Record<string, unknown>;
}

/**
 * Moves model versions through their lifecycle: only allowed transitions, gated by approvals' promotion
 * gate when one is registered, compare-and-set on `row_version` so concurrent moves cannot both win,
 * history row and `model-version-stage-changed` in the same transaction as the change.
 *
 * Access control (per-model RBAC) is the caller's job: the REST controller checks it, while approvals
 * calls this service as the registry itself after its own checks.
 */
@Injectable()
export class ModelLifecycleService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: ModelLookupService,
    private readonly models: ModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly aliases: ModelAliasRepository,
    private readonly recorder: ModelStageRecorder,
    @Optional() @Inject(PromotionGate) private readonly gate?: PromotionGate,
  ) {}

  allowedTransitions(stage: ModelStage): ModelStage[] {
    return allowedTargetStages(stage);
  }

  get(modelName: string, version: number): Promise<ModelVersionView> {
    return this.lookup.modelVersion(modelName, version);
  }

  transition(input: TransitionInput): Promise<ModelVersionView> {
    return this.tx.run(async () => {
      const model = await this.lookup.model(input.modelName);
      const current = await this.lookup.version(model, input.version);
      const seen = input.expectedRowVersion ?? current.rowVersion;
      if (seen !== current.rowVersion) throw concurrentModification(current, seen, current.rowVersion);
      this.assertAllowed(current, input);
      if (this.gate && isGatedStage(input.toStage)) {
        await this.gate.check({
          modelName: model.name,
          version: current.version,
          fromStage: current.stage,
          toStage: input.toStage,
          actor: input.actor,
          ...(input.evidence ? { evidence: input.evidence } : {}),
        });
      }
      // Serialises every stage change of this model; the read above happened before, on purpose: a
      // transition that raced ours and won has bumped row_version, so our compare-and-set fails below.
      await this.models.lock(model.id);
      const changedAt = new Date();
      if (input.toStage === 'production')
        await this.demotePreviousProduction(current, input.actor, changedAt);
      const reason = input.reason?.trim() || `moved to ${input.toStage} by ${input.actor.subject}`;
      const moved = await this.versions.updateStage({
        versionId: current.id,
        expectedRowVersion: seen,
        toStage: input.toStage,
        changedAt,
        retiredReason: input.toStage === 'archived' ? reason : null,
      });
      if (!moved) throw concurrentModification(current, seen, null);
      if (input.toStage === 'archived') await this.aliases.deleteForVersion(current.id);
      await this.recorder.recordChange({
        version: current,
        toStage: input.toStage,
        reason,
        actor: input.actor,
        evidence: input.evidence ?? null,
        at: changedAt,
      });
      const after = await this.versions.findById(current.id);
      if (!after) throw new Error(`version ${current.id} vanished inside its own transaction`);
      return after;
    });
  }

  private assertAllowed(current: ModelVersionView, input: TransitionInput): void {
    if (!isTransitionAllowed(current.stage, input.toStage)) {
      const allowed = allowedTargetStages(current.stage);
      throw new AppError(
        'ILLEGAL_TRANSITION',
        409,
        `${current.modelName} v${current.version} is ${current.stage}; it cannot move to ${input.toStage}` +
          (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
        {
          errors: allowed.map((stage) => ({ path: 'toStage', message: `allowed: ${stage}` })),
          extensions: { fromStage: current.stage, toStage: input.toStage, allowedStages: allowed },
        },
      );
    }
    if (input.toStage === 'archived' && !input.reason?.trim()) {
      throw new AppError('RETIREMENT_REASON_REQUIRED', 422, 'archiving a version needs a reason', {
        errors: [{ path: 'reason', message: 'required when toStage is archived' }],
      });
    }
  }

  /** One production version per model: the one it replaces becomes deprecated, with its own event. */
  private async demotePreviousProduction(next: ModelVersionView, actor: Actor, at: Date): Promise<void> {
    const previous = await this.versions.findProduction(next.modelId, next.id);
    if (!previous) return;
    const reason = `superseded by version ${next.version} in production`;
    const moved = await this.versions.updateStage({
      versionId: previous.id,
      expectedRowVersion: previous.rowVersion,
      toStage: 'deprecated',
      changedAt: at,
      retiredReason: null,
    });
    if (!moved) throw concurrentModification(previous, previous.rowVersion, null);
    await this.recorder.recordChange({
      version: previous,
      toStage: 'deprecated',
      reason,
      actor,
      evidence: { supersededBy: next.version },
      at,
    });
  }
}

/** `current` is the row version now stored when known (null when another transaction just moved it). */
function concurrentModification(
  version: ModelVersionView,
  expected: number,
  current: number | null,
): AppError {
  return new AppError(
    'CONCURRENT_MODIFICATION',
    409,
    `${version.modelName} v${version.version} changed since row version ${expected}; reload and retry`,
    { extensions: { expectedRowVersion: expected, currentRowVersion: current } },
  );
}
