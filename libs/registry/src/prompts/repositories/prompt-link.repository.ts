import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { PromptLinkKind, PromptLinkView } from '../dtos/prompt-link.dto';

export interface NewPromptLink {
  id: string;
  versionId: string;
  kind: PromptLinkKind;
  targetId: string;
  note: string;
  createdBy: Actor;
  createdAt: string;
}

/** An evaluation's outcome as `evaluation-completed` reported it. */
export interface EvaluationResult {
  evaluationId: string;
  suiteName: string;
  /** Null when no gate policy was bound to the suite: such an evaluation is no evidence either way. */
  gateVerdict: 'pass' | 'fail' | null;
  completedAt: string;
}

interface LinkRow {
  id: string;
  prompt_id: string;
  prompt_name: string;
  version_id: string;
  version: number;
  kind: PromptLinkKind;
  target_id: string;
  note: string;
  created_by: Actor;
  created_at: Date | string;
  received: boolean | null;
  gate_verdict: 'pass' | 'fail' | null;
}

const LINK_SELECT = `SELECT l.id, v.prompt_id, p.name AS prompt_name, l.prompt_version_id AS version_id, v.version,
    l.kind, l.target_id, l.note, l.created_by, l.created_at,
    (e.evaluation_id IS NOT NULL) AS received, e.gate_verdict
  FROM registry.prompt_links l
  JOIN registry.prompt_versions v ON v.id = l.prompt_version_id
  JOIN registry.prompts p ON p.id = v.prompt_id
  LEFT JOIN registry.prompt_evaluation_results e ON l.kind = 'evaluation' AND e.evaluation_id = l.target_id`;

function verdictOf(r: LinkRow): PromptLinkView['evaluationVerdict'] {
  if (r.kind !== 'evaluation') return null;
  if (r.received !== true) return 'pending';
  return r.gate_verdict ?? 'no-gate';
}

function toView(r: LinkRow): PromptLinkView {
  return {
    id: r.id,
    promptId: r.prompt_id,
    promptName: r.prompt_name,
    versionId: r.version_id,
    version: r.version,
    kind: r.kind,
    targetId: r.target_id,
    note: r.note,
    evaluationVerdict: verdictOf(r),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Links of prompt versions and the evaluation verdicts that make evaluation links evidence. */
@Injectable()
export class PromptLinkRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Stores the link once; false when the same link already existed. */
  async insert(link: NewPromptLink): Promise<boolean> {
    const rows = await this.tx.query<unknown[]>(
      `INSERT INTO registry.prompt_links (id, prompt_version_id, kind, target_id, note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (prompt_version_id, kind, target_id) DO NOTHING RETURNING id`,
      [
        link.id,
        link.versionId,
        link.kind,
        link.targetId,
        link.note,
        JSON.stringify(link.createdBy),
        link.createdAt,
      ],
    );
    return rows.length > 0;
  }

  async find(versionId: string, kind: PromptLinkKind, targetId: string): Promise<PromptLinkView | null> {
    const rows = await this.tx.query<LinkRow[]>(
      `${LINK_SELECT} WHERE l.prompt_version_id = $1 AND l.kind = $2 AND l.target_id = $3`,
      [versionId, kind, targetId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async listForVersion(versionId: string): Promise<PromptLinkView[]> {
    const rows = await this.tx.query<LinkRow[]>(
      `${LINK_SELECT} WHERE l.prompt_version_id = $1 ORDER BY l.created_at, l.id`,
      [versionId],
    );
    return rows.map(toView);
  }

  async listForTarget(kind: PromptLinkKind, targetId: string): Promise<PromptLinkView[]> {
    const rows = await this.tx.query<LinkRow[]>(
      `${LINK_SELECT} WHERE l.kind = $1 AND l.target_id = $2 ORDER BY p.name, v.version`,
      [kind, targetId],
    );
    return rows.map(toView);
  }

  /** The newest linked evaluation of the version whose gate passed, or null. */
  async passingEvaluation(versionId: string): Promise<string | null> {
    const rows = await this.tx.query<{ evaluation_id: string }[]>(
      `SELECT e.evaluation_id FROM registry.prompt_links l
       JOIN registry.prompt_evaluation_results e ON e.evaluation_id = l.target_id
       WHERE l.prompt_version_id = $1 AND l.kind = 'evaluation' AND e.gate_verdict = 'pass'
       ORDER BY e.completed_at DESC LIMIT 1`,
      [versionId],
    );
    return rows[0]?.evaluation_id ?? null;
  }

  /** Keeps the first report of an evaluation; a re-publication changes nothing. */
  async recordEvaluation(result: EvaluationResult): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.prompt_evaluation_results (evaluation_id, suite_name, gate_verdict, completed_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (evaluation_id) DO NOTHING`,
      [result.evaluationId, result.suiteName, result.gateVerdict, result.completedAt],
    );
  }
}
