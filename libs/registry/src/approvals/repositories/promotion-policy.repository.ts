import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { PromotionPolicy } from '../domain/promotion-policy';

/** One stored version of a model's promotion policy. */
export interface StoredPolicy {
  modelName: string;
  version: number;
  policy: PromotionPolicy;
  comment: string;
  createdBy: Actor;
  createdAt: string;
}

interface PolicyRow {
  model_name: string;
  version: number;
  policy: PromotionPolicy;
  comment: string;
  created_by: Actor;
  created_at: Date;
}

function toStored(r: PolicyRow): StoredPolicy {
  return {
    modelName: r.model_name,
    version: r.version,
    policy: r.policy,
    comment: r.comment,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Promotion policies: append-only versions per model name. */
@Injectable()
export class PromotionPolicyRepository {
  constructor(private readonly tx: TransactionHost) {}

  async latest(modelName: string): Promise<StoredPolicy | null> {
    const rows = await this.tx.query<PolicyRow[]>(
      `SELECT model_name, version, policy, comment, created_by, created_at FROM registry.approval_policies
       WHERE model_name = $1 ORDER BY version DESC LIMIT 1`,
      [modelName],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async history(modelName: string): Promise<StoredPolicy[]> {
    const rows = await this.tx.query<PolicyRow[]>(
      `SELECT model_name, version, policy, comment, created_by, created_at FROM registry.approval_policies
       WHERE model_name = $1 ORDER BY version DESC`,
      [modelName],
    );
    return rows.map(toStored);
  }

  /** Inserts a version; a concurrent writer of the same version number makes this throw a unique violation. */
  async insert(p: Omit<StoredPolicy, 'createdAt'>): Promise<StoredPolicy> {
    const rows = await this.tx.query<PolicyRow[]>(
      `INSERT INTO registry.approval_policies (model_name, version, policy, comment, created_by)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING model_name, version, policy, comment, created_by, created_at`,
      [p.modelName, p.version, JSON.stringify(p.policy), p.comment, JSON.stringify(p.createdBy)],
    );
    const row = rows[0];
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toStored(row);
  }
}
