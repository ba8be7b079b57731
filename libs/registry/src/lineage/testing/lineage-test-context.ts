import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EventPayload, TopicName } from '@llmops/contracts';
import { createServiceDataSource, initializeDataSource, TransactionHost } from '@llmops/persistence';
import { CreateLineageTables1764400300000 } from '../migrations/create-lineage-tables.migration';
import { LineageGraphRepository } from '../repositories/lineage-graph.repository';
import { LineageWalkRepository } from '../repositories/lineage-walk.repository';
import { RouteHistoryRepository } from '../repositories/route-history.repository';
import { DeploymentHistoryService } from '../services/deployment-history.service';
import { LineageQueryService } from '../services/lineage-query.service';
import { LineageRecorder } from '../services/lineage-recorder.service';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'contracts', 'fixtures');

/** A contract fixture (libs/contracts/fixtures), deep-copied so tests can change it. */
export function fixture<T extends TopicName>(topic: T): EventPayload<T> {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${topic}.json`), 'utf8')) as EventPayload<T>;
}

export interface LineageTestContext {
  tx: TransactionHost;
  recorder: LineageRecorder;
  history: DeploymentHistoryService;
  query: LineageQueryService;
  /** Empties every lineage table (cheaper than a new embedded database per test). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The lineage area over the embedded PostgreSQL (PGlite, the standalone mode's database) with its real
 * migration: the SQL under test is the SQL that runs in production. Test support only. One per test
 * file: the PGlite driver is shared within a process, so a second context would see the same database.
 */
export async function openLineageContext(): Promise<LineageTestContext> {
  const dataSource = createServiceDataSource({
    config: { driver: 'pglite', dataDir: 'memory://' },
    schema: 'registry',
    migrations: [CreateLineageTables1764400300000],
  });
  await initializeDataSource(dataSource, 'registry');
  const tx = new TransactionHost(dataSource);
  const graph = new LineageGraphRepository(tx);
  const routes = new RouteHistoryRepository(tx);
  const recorder = new LineageRecorder(tx, graph, routes);
  return {
    tx,
    recorder,
    history: new DeploymentHistoryService(tx, routes, recorder),
    query: new LineageQueryService(new LineageWalkRepository(tx)),
    reset: async () => {
      await tx.query(
        `TRUNCATE registry.lineage_route_targets, registry.lineage_route_states, registry.lineage_event_nodes,
           registry.lineage_edges, registry.lineage_nodes RESTART IDENTITY`,
      );
    },
    close: () => dataSource.destroy(),
  };
}
