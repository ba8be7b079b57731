import { Injectable } from '@nestjs/common';
import type { Actor, ModelStage } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { StageAtTime, StageHistoryEntry } from '../dtos/stage-history.dto';

export interface NewStageHistoryEntry {
  modelId: string;
  versionId: string;
  version: number;
  /** Null for the entry that records the registration itself. */
  fromStage: ModelStage | null;
  toStage: ModelStage;
  reason: string;
  actor: Actor;
  evidence: Record<string, unknown> | null;
  changedAt: Date;
}

interface HistoryRow {
  id: string;
  version: number;
  from_stage: ModelStage | null;
  to_stage: ModelStage;
  reason: string;
  actor: Actor;
  evidence: Record<string, unknown> | null;
  changed_at: Date;
}

/** Append-only history of stage changes: who moved which version, when, from where, to where, why. */
@Injectable()
export class ModelStageHistoryRepository {
  constructor(private readonly tx: TransactionHost) {}

  async append(e: NewStageHistoryEntry): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.model_stage_history
         (model_id, version_id, version, from_stage, to_stage, reason, actor, evidence, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.modelId,
        e.versionId,
        e.version,
        e.fromStage,
        e.toStage,
        e.reason,
        JSON.stringify(e.actor),
        e.evidence === null ? null : JSON.stringify(e.evidence),
        e.changedAt,
      ],
    );
  }

  /**
   * Each version's stage as it stood at `at` (the last change at or before it), newest version first;
   * versions registered after `at` are absent. Answers "what was in production at time T".
   */
  async stagesAt(modelId: string, at: Date): Promise<StageAtTime[]> {
    const rows = await this.tx.query<{ version: number; to_stage: ModelStage; changed_at: Date }[]>(
      `SELECT version, to_stage, changed_at FROM (
         SELECT DISTINCT ON (version_id) version, to_stage, changed_at
         FROM registry.model_stage_history
         WHERE model_id = $1 AND changed_at <= $2
         ORDER BY version_id, changed_at DESC, id DESC) latest
       ORDER BY version DESC`,
      [modelId, at],
    );
    return rows.map((r) => ({ version: r.version, stage: r.to_stage, since: r.changed_at.toISOString() }));
  }

  /** A model's history, oldest first; only one version's when `versionId` is given. */
  async list(modelId: string, versionId?: string): Promise<StageHistoryEntry[]> {
    const rows = await this.tx.query<HistoryRow[]>(
      `SELECT id, version, from_stage, to_stage, reason, actor, evidence, changed_at
       FROM registry.model_stage_history
       WHERE model_id = $1 AND ($2::uuid IS NULL OR version_id = $2)
       ORDER BY changed_at, id`,
      [modelId, versionId ?? null],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      version: r.version,
      fromStage: r.from_stage,
      toStage: r.to_stage,
      reason: r.reason,
      actor: r.actor,
      evidence: r.evidence,
      changedAt: r.changed_at.toISOString(),
    }));
  }
}
