import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import type { PlanTrigger } from '../plans/domain/plan-trigger';
import type { RunSpecTemplate } from '../plans/domain/run-spec-template';

export interface PlanRow {
  id: string;
  name: string;
  trigger: PlanTrigger;
  runTemplate: RunSpecTemplate;
  cooldownSeconds: number;
  enabled: boolean;
  lastFiredAt: Date | null;
  createdAt: Date;
}

type Raw = Record<string, unknown>;
const toRow = (r: Raw): PlanRow => ({
  id: r['id'] as string,
  name: r['name'] as string,
  trigger: r['trigger'] as PlanTrigger,
  runTemplate: r['run_template'] as RunSpecTemplate,
  cooldownSeconds: r['cooldown_seconds'] as number,
  enabled: r['enabled'] as boolean,
  lastFiredAt: r['last_fired_at'] ? new Date(r['last_fired_at'] as string) : null,
  createdAt: new Date(r['created_at'] as string),
});

/** Training plans: triggers that start runs from a template. */
@Injectable()
export class PlanRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(
    plan: Pick<PlanRow, 'id' | 'name' | 'trigger' | 'runTemplate' | 'cooldownSeconds'>,
  ): Promise<void> {
    await this.tx.query(
      `INSERT INTO training.plans (id, name, trigger, run_template, cooldown_seconds) VALUES ($1, $2, $3, $4, $5)`,
      [
        plan.id,
        plan.name,
        JSON.stringify(plan.trigger),
        JSON.stringify(plan.runTemplate),
        plan.cooldownSeconds,
      ],
    );
  }

  async find(idOrName: string): Promise<PlanRow | null> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrName);
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.plans WHERE ${byId ? 'id = $1::uuid' : 'name = $1'}`,
      [idOrName],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async list(): Promise<PlanRow[]> {
    return (await this.tx.query<Raw[]>('SELECT * FROM training.plans ORDER BY name')).map(toRow);
  }

  /** Enabled plans of one trigger kind, locked so two deliveries cannot both fire one plan. */
  async enabledOfKind(kind: PlanTrigger['kind']): Promise<PlanRow[]> {
    const rows = await this.tx.query<Raw[]>(
      `SELECT * FROM training.plans WHERE enabled AND trigger->>'kind' = $1 ORDER BY name FOR UPDATE`,
      [kind],
    );
    return rows.map(toRow);
  }

  async markFired(id: string, at: Date): Promise<void> {
    await this.tx.query('UPDATE training.plans SET last_fired_at = $2 WHERE id = $1', [id, at.toISOString()]);
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.tx.query('UPDATE training.plans SET enabled = $2 WHERE id = $1', [id, enabled]);
  }
}
