import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';

export interface PromptLabelRecord {
  promptId: string;
  label: string;
  versionId: string;
  version: number;
  movedBy: Actor;
  movedAt: string;
}

export interface PromptLabelMoveRecord {
  id: string;
  promptId: string;
  label: string;
  fromVersion: number | null;
  fromVersionId: string | null;
  toVersion: number;
  toVersionId: string;
  protected: boolean;
  approvalRequestId: string | null;
  evaluationId: string | null;
  movedBy: Actor;
  movedAt: string;
}

interface LabelRow {
  prompt_id: string;
  label: string;
  version_id: string;
  version: number;
  moved_by: Actor;
  moved_at: Date | string;
}

interface MoveRow {
  id: string;
  prompt_id: string;
  label: string;
  from_version: number | null;
  from_version_id: string | null;
  to_version: number;
  to_version_id: string;
  protected: boolean;
  approval_request_id: string | null;
  evaluation_id: string | null;
  moved_by: Actor;
  moved_at: Date | string;
}

function toLabel(r: LabelRow): PromptLabelRecord {
  return {
    promptId: r.prompt_id,
    label: r.label,
    versionId: r.version_id,
    version: r.version,
    movedBy: r.moved_by,
    movedAt: new Date(r.moved_at).toISOString(),
  };
}

function toMove(r: MoveRow): PromptLabelMoveRecord {
  return {
    id: r.id,
    promptId: r.prompt_id,
    label: r.label,
    fromVersion: r.from_version,
    fromVersionId: r.from_version_id,
    toVersion: r.to_version,
    toVersionId: r.to_version_id,
    protected: r.protected,
    approvalRequestId: r.approval_request_id,
    evaluationId: r.evaluation_id,
    movedBy: r.moved_by,
    movedAt: new Date(r.moved_at).toISOString(),
  };
}

/** Where each label points now, and every move it made; joins the surrounding transaction. */
@Injectable()
export class PromptLabelRepository {
  constructor(private readonly tx: TransactionHost) {}

  async labelsOf(promptIds: readonly string[]): Promise<PromptLabelRecord[]> {
    if (promptIds.length === 0) return [];
    const rows = await this.tx.query<LabelRow[]>(
      `SELECT prompt_id, label, version_id, version, moved_by, moved_at FROM registry.prompt_labels
       WHERE prompt_id = ANY(ARRAY(SELECT jsonb_array_elements_text($1::jsonb))::uuid[]) ORDER BY label`,
      [JSON.stringify(promptIds)],
    );
    return rows.map(toLabel);
  }

  async find(promptId: string, label: string): Promise<PromptLabelRecord | null> {
    const rows = await this.tx.query<LabelRow[]>(
      `SELECT prompt_id, label, version_id, version, moved_by, moved_at FROM registry.prompt_labels
       WHERE prompt_id = $1 AND label = $2`,
      [promptId, label],
    );
    return rows[0] ? toLabel(rows[0]) : null;
  }

  async set(label: PromptLabelRecord): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.prompt_labels (prompt_id, label, version_id, version, moved_by, moved_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (prompt_id, label) DO UPDATE SET version_id = EXCLUDED.version_id,
         version = EXCLUDED.version, moved_by = EXCLUDED.moved_by, moved_at = EXCLUDED.moved_at`,
      [
        label.promptId,
        label.label,
        label.versionId,
        label.version,
        JSON.stringify(label.movedBy),
        label.movedAt,
      ],
    );
  }

  async insertMove(move: PromptLabelMoveRecord): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.prompt_label_moves (id, prompt_id, label, from_version, from_version_id, to_version,
         to_version_id, protected, approval_request_id, evaluation_id, moved_by, moved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        move.id,
        move.promptId,
        move.label,
        move.fromVersion,
        move.fromVersionId,
        move.toVersion,
        move.toVersionId,
        move.protected,
        move.approvalRequestId,
        move.evaluationId,
        JSON.stringify(move.movedBy),
        move.movedAt,
      ],
    );
  }

  /** Oldest first. */
  async movesOf(promptId: string): Promise<PromptLabelMoveRecord[]> {
    const rows = await this.tx.query<MoveRow[]>(
      `SELECT id, prompt_id, label, from_version, from_version_id, to_version, to_version_id, protected, approval_request_id,
         evaluation_id, moved_by, moved_at
       FROM registry.prompt_label_moves WHERE prompt_id = $1 ORDER BY moved_at, id`,
      [promptId],
    );
    return rows.map(toMove);
  }
}
