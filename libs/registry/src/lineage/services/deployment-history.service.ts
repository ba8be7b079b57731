import { Injectable } from '@nestjs/common';
import type { DeploymentChangedV1 } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { TransactionHost } from '@llmops/persistence';
import { deploymentChangedFacts } from '../domain/facts/serving.facts';
import { utc } from '../domain/lineage-facts';
import { placeState } from '../domain/route-intervals';
import type {
  RouteAtView,
  RouteHistoryView,
  RouteStateView,
  RouteTargetView,
} from '../dtos/route-history.dto';
import {
  RouteHistoryRepository,
  type RouteStateRow,
  type RouteTargetRow,
} from '../repositories/route-history.repository';
import { LineageRecorder } from './lineage-recorder.service';

/** Deployment history from serving's `deployment-changed`: what each route served, and when. */
@Injectable()
export class DeploymentHistoryService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly routes: RouteHistoryRepository,
    private readonly recorder: LineageRecorder,
  ) {}

  /**
   * Slots the new route state in by event time (not arrival): it ends where the next known state begins
   * and ends the one before it. The same state twice (replay, or re-announced) changes nothing.
   */
  async recordChange(e: DeploymentChangedV1, eventId: string | null): Promise<void> {
    await this.tx.run(async () => {
      await this.routes.lockRoute(e.route);
      const position = { validFrom: utc(e.changedAt), revision: e.revision };
      if (!(await this.routes.exists(e.route, position))) {
        const neighbours = await this.routes.neighbours(e.route, position);
        const placement = placeState(position, neighbours);
        await this.routes.insertState(e, position.validFrom, placement.validTo, eventId);
        if (neighbours.previous && placement.closePreviousAt) {
          await this.routes.closeState(neighbours.previous.stateId, placement.closePreviousAt);
        }
      }
      await this.recorder.record(deploymentChangedFacts(e), eventId);
    });
  }

  /** What the route served at `time`; 404 NOTHING_DEPLOYED before its first state or while deleted. */
  async at(route: string, time: string | undefined): Promise<RouteAtView> {
    const instant = utc(time ?? new Date().toISOString());
    const state = await this.routes.stateAt(route, instant);
    if (!state) throw nothingDeployed(route, instant);
    const [view] = await this.views([state]);
    if (!view || view.targets.length === 0 || view.change === 'deleted')
      throw nothingDeployed(route, instant);
    return { ...view, time: instant };
  }

  async history(
    route: string,
    query: { from?: string | undefined; to?: string | undefined; limit: number },
  ): Promise<RouteHistoryView> {
    const rows = await this.routes.listStates(
      route,
      query.from ? utc(query.from) : null,
      query.to ? utc(query.to) : null,
      query.limit + 1,
    );
    if (rows.length === 0 && !(await this.routes.isKnown(route))) {
      throw new AppError('LINEAGE_ROUTE_NOT_FOUND', 404, `no deployment history for route ${route}`);
    }
    const states = await this.views(rows.slice(0, query.limit));
    return { route, states, truncated: rows.length > query.limit };
  }

  private async views(rows: RouteStateRow[]): Promise<RouteStateView[]> {
    const targets = new Map<string, RouteTargetView[]>();
    for (const t of await this.routes.targetsOf(rows.map((r) => r.state_id))) {
      const list = targets.get(t.state_id) ?? [];
      list.push(targetView(t));
      targets.set(t.state_id, list);
    }
    return rows.map((row) => ({
      route: row.route,
      revision: row.revision,
      change: row.change,
      reason: row.reason,
      actor: row.actor,
      validFrom: row.valid_from.toISOString(),
      validTo: row.valid_to ? row.valid_to.toISOString() : null,
      targets: targets.get(row.state_id) ?? [],
    }));
  }
}

function targetView(t: RouteTargetRow): RouteTargetView {
  return {
    deploymentId: t.deployment_id,
    mode: t.mode,
    weight: t.weight,
    status: t.status,
    backend: t.backend,
    model:
      t.model_id && t.model_name && t.model_version_id && t.model_version !== null
        ? {
            modelId: t.model_id,
            modelName: t.model_name,
            versionId: t.model_version_id,
            version: t.model_version,
          }
        : null,
    promptVersion:
      t.prompt_id && t.prompt_name && t.prompt_version_id && t.prompt_version !== null
        ? {
            promptId: t.prompt_id,
            promptName: t.prompt_name,
            versionId: t.prompt_version_id,
            version: t.prompt_version,
          }
        : null,
  };
}

function nothingDeployed(route: string, time: string): AppError {
  return new AppError('NOTHING_DEPLOYED', 404, `route ${route} served nothing at ${time}`);
}
