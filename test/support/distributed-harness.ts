import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PlatformHarness, waitFor, type ServiceProcess } from '@llmops/testing';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(
  ROOT,
  'libs',
  'contracts',
  'fixtures',
  'llmops.ingestion.dataset-version-created.v1.json',
);

/** The ingestion → training flow over the real stack, each service a real process. */
export class DistributedHarness extends PlatformHarness {
  constructor() {
    // Small consumer transactions, so a kill can land between two of them (test (a)).
    super({ EVENT_CONSUMER_BATCH_SIZE: '5' });
  }

  get ingestion(): ServiceProcess | undefined {
    return this.processes.get('ingestion');
  }

  get training(): ServiceProcess | undefined {
    return this.processes.get('training');
  }

  async createDataset(name: string): Promise<string> {
    const res = await this.request<{ id: string }>('ingestion', 'POST', '/v1/datasets', { name });
    if (res.status !== 201) throw new Error(`create dataset: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async registerVersion(datasetId: string): Promise<number> {
    const res = await this.request<{ version: number }>(
      'ingestion',
      'POST',
      `/v1/datasets/${datasetId}/versions`,
      versionBody(),
    );
    if (res.status !== 201) throw new Error(`register version: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.version;
  }

  /** Rows training has recorded from `dataset-version-created` (its effect of each event). */
  trainingVersions(): Promise<{ dataset_id: string; version: number }[]> {
    return this.sql(
      'SELECT dataset_id, version FROM training.dataset_versions ORDER BY received_at, version',
    );
  }

  async trainingVersionId(datasetId: string, version: number): Promise<string> {
    const [row] = await this.sql<{ version_id: string }>(
      'SELECT version_id FROM training.dataset_versions WHERE dataset_id = $1 AND version = $2',
      [datasetId, version],
    );
    if (!row) throw new Error(`training has no version ${version} of ${datasetId}`);
    return row.version_id;
  }

  /** The contract fixture of `dataset-version-created`, for building raw events. */
  versionEvent(): Record<string, unknown> {
    return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  }

  async trainingCount(): Promise<number> {
    const [row] = await this.sql<{ n: string }>('SELECT count(*) AS n FROM training.dataset_versions');
    return Number(row?.n ?? 0);
  }

  async countersByDataset(): Promise<Map<string, number>> {
    const rows = await this.sql<{ dataset_id: string; versions_received: number }>(
      'SELECT dataset_id, versions_received FROM training.datasets',
    );
    return new Map(rows.map((r) => [r.dataset_id, r.versions_received]));
  }

  /** Events of `topic` still waiting in ingestion's outbox (every topic when omitted). */
  async outboxPending(topic?: string): Promise<number> {
    const [row] = await this.sql<{ n: string }>(
      'SELECT count(*) AS n FROM ingestion.outbox_events WHERE $1::text IS NULL OR topic = $1',
      [topic ?? null],
    );
    return Number(row?.n ?? 0);
  }

  async waitForTrainingCount(expected: number, timeoutMs = 90_000): Promise<void> {
    await waitFor(
      `training to record ${expected} versions`,
      async () => ((await this.trainingCount()) >= expected ? true : undefined),
      { timeoutMs, intervalMs: 200 },
    );
  }
}

/** A valid version registration body: the contract fixture without the fields the platform assigns. */
export function versionBody(): Record<string, unknown> {
  const {
    datasetId: _d,
    datasetName: _n,
    versionId: _v,
    version: _num,
    createdAt: _c,
    ...body
  } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  return body;
}

/** tools/stack/stack.sh, for fault injection (stop/start a component). */
export function stack(...args: string[]): void {
  execFileSync('bash', [path.join(ROOT, 'tools', 'stack', 'stack.sh'), ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
