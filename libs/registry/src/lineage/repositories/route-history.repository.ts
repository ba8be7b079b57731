import { Injectable } from '@nestjs/common';
import type { DeploymentChangedV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { RouteStatePosition } from '../domain/route-intervals';

export interface RouteStateRow {
  state_id: string;
  route: string;
  revision: number;
  change: string;
  reason: string;
  actor: { subject: string; kind: string };
  valid_from: Date;
  valid_to: Date | null;
}

export interface RouteTargetRow {
  state_id: string;
  position: number;
  deployment_id: string;
  model_id: string | null;
  model_name: string | null;
  model_version_id: string | null;
  model_version: number | null;
  prompt_id: string | null;
  prompt_name: string | null;
  prompt_version_id: string | null;
  prompt_version: number | null;
  backend: unknown;
  mode: string;
  weight: number;
  status: string;
}

const STATE_COLUMNS = `state_id::text AS state_id, route, revision, change, reason, actor, valid_from, valid_to`;

/** Deployment history: one row per route state with its validity interval, and its targets. */
@Injectable()
export class RouteHistoryRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Serialises changes of one route (replicas of the registry may briefly both hold a partition during a
   * rebalance); per-key ordering already does this within one consumer.
   */
  async lockRoute(route: string): Promise<void> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('registry.lineage_route:' || $1))`, [route]);
  }

  async exists(route: string, at: RouteStatePosition): Promise<boolean> {
    const rows = await this.tx.query<unknown[]>(
      `SELECT 1 FROM registry.lineage_route_states WHERE route = $1 AND valid_from = $2 AND revision = $3`,
      [route, at.validFrom, at.revision],
    );
    return rows.length > 0;
  }

  /** The states just before and just after a position, in (time, revision) order. */
  async neighbours(
    route: string,
    at: RouteStatePosition,
  ): Promise<{
    previous: (RouteStatePosition & { stateId: string }) | null;
    next: RouteStatePosition | null;
  }> {
    const [previous] = await this.tx.query<{ state_id: string; valid_from: Date; revision: number }[]>(
      `SELECT state_id::text AS state_id, valid_from, revision FROM registry.lineage_route_states
       WHERE route = $1 AND (valid_from, revision) < ($2::timestamptz, $3::int)
       ORDER BY valid_from DESC, revision DESC LIMIT 1`,
      [route, at.validFrom, at.revision],
    );
    const [next] = await this.tx.query<{ valid_from: Date; revision: number }[]>(
      `SELECT valid_from, revision FROM registry.lineage_route_states
       WHERE route = $1 AND (valid_from, revision) > ($2::timestamptz, $3::int)
       ORDER BY valid_from, revision LIMIT 1`,
      [route, at.validFrom, at.revision],
    );
    return {
      previous: previous
        ? {
            stateId: previous.state_id,
            validFrom: previous.valid_from.toISOString(),
            revision: previous.revision,
          }
        : null,
      next: next ? { validFrom: next.valid_from.toISOString(), revision: next.revision } : null,
    };
  }

  async insertState(
    e: DeploymentChangedV1,
    validFrom: string,
    validTo: string | null,
    eventId: string | null,
  ): Promise<string> {
    const [row] = await this.tx.query<{ state_id: string }[]>(
      `INSERT INTO registry.lineage_route_states
         (route, revision, change, reason, actor, valid_from, valid_to, event_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING state_id::text AS state_id`,
      [
        e.route,
        e.revision,
        e.change,
        e.reason,
        JSON.stringify({ subject: e.actor.subject, kind: e.actor.kind }),
        validFrom,
        validTo,
        eventId,
      ],
    );
    if (!row) throw new Error(`route state ${e.route}@${e.revision} was not written`);
    for (const [position, t] of e.targets.entries()) {
      await this.tx.query(
        `INSERT INTO registry.lineage_route_targets
           (state_id, position, deployment_id, model_id, model_name, model_version_id, model_version,
            prompt_id, prompt_name, prompt_version_id, prompt_version, backend, mode, weight, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15)`,
        [
          row.state_id,
          position,
          t.deploymentId,
          t.modelVersion?.modelId ?? null,
          t.modelVersion?.modelName ?? null,
          t.modelVersion?.versionId ?? null,
          t.modelVersion?.version ?? null,
          t.promptVersion?.promptId ?? null,
          t.promptVersion?.promptName ?? null,
          t.promptVersion?.versionId ?? null,
          t.promptVersion?.version ?? null,
          JSON.stringify(t.backend),
          t.mode,
          t.weight,
          t.status,
        ],
      );
    }
    return row.state_id;
  }

  async closeState(stateId: string, validTo: string): Promise<void> {
    await this.tx.query('UPDATE registry.lineage_route_states SET valid_to = $2 WHERE state_id = $1', [
      stateId,
      validTo,
    ]);
  }

  async isKnown(route: string): Promise<boolean> {
    const rows = await this.tx.query<unknown[]>(
      'SELECT 1 FROM registry.lineage_route_states WHERE route = $1 LIMIT 1',
      [route],
    );
    return rows.length > 0;
  }

  /** The state in force at `time`: the latest that began at or before it. */
  async stateAt(route: string, time: string): Promise<RouteStateRow | null> {
    const [row] = await this.tx.query<RouteStateRow[]>(
      `SELECT ${STATE_COLUMNS} FROM registry.lineage_route_states
       WHERE route = $1 AND valid_from <= $2
       ORDER BY valid_from DESC, revision DESC LIMIT 1`,
      [route, time],
    );
    return row ?? null;
  }

  /** States overlapping [from, to), oldest first. */
  listStates(route: string, from: string | null, to: string | null, limit: number): Promise<RouteStateRow[]> {
    return this.tx.query<RouteStateRow[]>(
      `SELECT ${STATE_COLUMNS} FROM registry.lineage_route_states
       WHERE route = $1
         AND ($2::timestamptz IS NULL OR valid_to IS NULL OR valid_to > $2::timestamptz)
         AND ($3::timestamptz IS NULL OR valid_from < $3::timestamptz)
       ORDER BY valid_from, revision LIMIT $4`,
      [route, from, to, limit],
    );
  }

  async targetsOf(stateIds: string[]): Promise<RouteTargetRow[]> {
    if (stateIds.length === 0) return [];
    return this.tx.query<RouteTargetRow[]>(
      `SELECT state_id::text AS state_id, position, deployment_id, model_id, model_name, model_version_id,
              model_version, prompt_id, prompt_name, prompt_version_id, prompt_version, backend, mode, weight, status
       FROM registry.lineage_route_targets WHERE state_id = ANY($1::bigint[]) ORDER BY state_id, position`,
      [stateIds],
    );
  }
}
