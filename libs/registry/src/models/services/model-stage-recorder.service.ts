import { Injectable } from '@nestjs/common';
import { Topics, UuidSchema, type Actor, type ModelStage } from '@llmops/contracts';
import { EventPublisher } from '@llmops/messaging';
import type { ModelVersionView } from '../dtos/model-version-view.dto';
import { ModelStageHistoryRepository } from '../repositories/model-stage-history.repository';

/** What one stage change was: the version as it was before, where it went, why and on whose word. */
export interface StageChange {
  version: ModelVersionView;
  toStage: ModelStage;
  reason: string;
  actor: Actor;
  evidence: Record<string, unknown> | null;
  at: Date;
}

/**
 * Writes the two traces of a stage change inside the caller's transaction: the history row ("which
 * version was where at time T") and the `model-version-stage-changed` event serving reacts to.
 */
@Injectable()
export class ModelStageRecorder {
  constructor(
    private readonly history: ModelStageHistoryRepository,
    private readonly events: EventPublisher,
  ) {}

  /** The registration itself opens the history, so "at time T" also knows when a version appeared. */
  async recordRegistration(version: ModelVersionView, actor: Actor, reason: string): Promise<void> {
    await this.history.append({
      modelId: version.modelId,
      versionId: version.id,
      version: version.version,
      fromStage: null,
      toStage: version.stage,
      reason,
      actor,
      evidence: null,
      changedAt: new Date(version.registeredAt),
    });
  }

  async recordChange(c: StageChange): Promise<void> {
    const v = c.version;
    await this.history.append({
      modelId: v.modelId,
      versionId: v.id,
      version: v.version,
      fromStage: v.stage,
      toStage: c.toStage,
      reason: c.reason,
      actor: c.actor,
      evidence: c.evidence,
      changedAt: c.at,
    });
    await this.events.publish(
      Topics.modelVersionStageChanged,
      {
        modelId: v.modelId,
        modelName: v.modelName,
        versionId: v.id,
        version: v.version,
        fromStage: v.stage,
        toStage: c.toStage,
        reason: c.reason,
        actor: c.actor,
        evaluationId: uuidOrNull(c.evidence?.['evaluationId']),
        approvalRequestId: uuidOrNull(c.evidence?.['approvalRequestId']),
        changedAt: c.at.toISOString(),
      },
      { key: v.modelId },
    );
  }
}

function uuidOrNull(value: unknown): string | null {
  const parsed = UuidSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
