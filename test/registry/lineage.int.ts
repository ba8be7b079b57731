import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type EventPayload, type TopicName } from '@llmops/contracts';
import { PlatformHarness, waitFor } from '@llmops/testing';

/**
 * Lineage and deployment history over the real stack: events as the other services (and the registry's
 * own areas) would publish them go through Kafka into the registry process, which builds the graph and
 * the route history; the `/v1/lineage` endpoints answer from them.
 */

function fixture<T extends TopicName>(topic: T): EventPayload<T> {
  const file = path.join(__dirname, '..', '..', 'libs', 'contracts', 'fixtures', `${topic}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as EventPayload<T>;
}

interface GraphNode {
  key: string;
  placeholder: boolean;
  side: string;
  attributes: Record<string, unknown>;
}
interface Graph {
  nodes: GraphNode[];
  edges: { from: string; to: string; relation: string }[];
  truncated: boolean;
}
interface RouteAt {
  revision: number;
  validFrom: string;
  validTo: string | null;
  targets: { mode: string; weight: number; model: { versionId: string; version: number } | null }[];
}
interface Problem {
  code: string;
  errors?: { path: string }[];
}

const minutesAgo = (m: number): string => new Date(Date.now() - m * 60_000).toISOString();

describe('registry lineage and deployment history (real process, real stack)', () => {
  const h = new PlatformHarness();

  beforeAll(async () => {
    await h.init('registry_lineage');
    await h.start('registry');
  });

  afterAll(async () => {
    await h.stopAll();
  });

  async function graph(kind: string, id: string, query = 'depth=5&direction=both'): Promise<Graph> {
    const res = await h.request<Graph>(
      'registry',
      'GET',
      `/v1/lineage/nodes/${kind}/${id}?${query}`,
      undefined,
      'viewer',
    );
    if (res.status !== 200) throw new Error(`lineage ${kind}:${id} answered ${res.status}`);
    return res.body;
  }

  it('answers the lineage of a production version and what a route served before and after a change', async () => {
    const modelId = uuidv7();
    const dataset = {
      ...fixture(Topics.datasetVersionCreated),
      datasetId: uuidv7(),
      versionId: uuidv7(),
      parents: [],
    };
    const dvRef = { datasetId: dataset.datasetId, versionId: dataset.versionId, version: dataset.version };
    const runId = uuidv7();
    const versionId = uuidv7();
    const previousVersionId = uuidv7();
    const evaluationId = uuidv7();
    const approvalRequestId = uuidv7();
    const version = { modelId, modelName: 'lineage-bot', versionId, version: 2 };
    const previous = { ...version, versionId: previousVersionId, version: 1 };
    const baseRun = fixture(Topics.runCompleted);
    const run = {
      ...baseRun,
      runId,
      trigger: {
        kind: 'manual' as const,
        actor: { subject: 'api-key:ml-engineer', kind: 'api-key' as const, roles: ['ml-engineer'] },
      },
      lineage: { ...baseRun.lineage, datasets: [{ ...dvRef, split: 'train' as const }] },
    };
    const registered = {
      ...fixture(Topics.modelVersionRegistered),
      ...version,
      datasets: [{ ...dvRef, split: 'train' as const }],
      source: { kind: 'training-run' as const, runId },
    };
    const evaluation = {
      ...fixture(Topics.evaluationCompleted),
      evaluationId,
      candidate: { kind: 'model-version' as const, ...version },
      datasets: [{ ...dvRef, split: 'test' as const }],
      championComparison: null,
    };
    const decided = {
      ...fixture(Topics.approvalDecided),
      approvalRequestId,
      subject: { kind: 'model-stage-transition' as const, ...version, toStage: 'production' as const },
    };
    const staged = {
      ...fixture(Topics.modelVersionStageChanged),
      ...version,
      evaluationId,
      approvalRequestId,
      changedAt: minutesAgo(30),
    };
    const target = fixture(Topics.deploymentChanged).targets[0];
    if (!target) throw new Error('fixture has no target');
    const route = `lineage-route-${uuidv7().slice(-8)}`;
    const deployment = (revision: number, modelVersion: typeof version, changedAt: string) => ({
      ...fixture(Topics.deploymentChanged),
      route,
      revision,
      change: revision === 1 ? ('created' as const) : ('promoted' as const),
      changedAt,
      targets: [{ ...target, deploymentId: uuidv7(), modelVersion, weight: 100, mode: 'primary' as const }],
    });
    const firstChange = minutesAgo(20);
    const secondChange = minutesAgo(10);

    await h.produce(Topics.datasetVersionCreated, dataset);
    await h.produce(Topics.runCompleted, run);
    await h.produce(Topics.modelVersionRegistered, registered);
    // The registry publishes this itself when it registers from run-completed: a second announcement of
    // the same version must not make a second node.
    await h.produce(Topics.modelVersionRegistered, registered);
    await h.produce(Topics.evaluationCompleted, evaluation);
    await h.produce(Topics.approvalDecided, decided);
    await h.produce(Topics.modelVersionStageChanged, staged);
    await h.produce(Topics.deploymentChanged, deployment(1, previous, firstChange));
    await h.produce(Topics.deploymentChanged, deployment(2, version, secondChange));

    const expected = [
      `dataset-version:${dataset.versionId}`,
      `training-run:${runId}`,
      `evaluation:${evaluationId}`,
      `approval:${approvalRequestId}`,
    ];
    const lineage = await waitFor(
      'the lineage of the production version',
      async () => {
        const g = await graph('model-version', versionId).catch(() => undefined);
        // Every node present, and those whose own event we sent no longer placeholders (events on
        // different topics arrive in any order; references create placeholders first).
        const own = new Set(g?.nodes.filter((n) => !n.placeholder).map((n) => n.key));
        const keys = new Set(g?.nodes.map((n) => n.key));
        const done =
          expected.every((k) => keys.has(k)) &&
          expected.slice(0, 3).every((k) => own.has(k)) &&
          g?.nodes.some((n) => n.key.startsWith('deployment:'));
        return done ? g : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const byKey = new Map(lineage.nodes.map((n) => [n.key, n]));
    expect(byKey.get(`model-version:${versionId}`)).toMatchObject({
      side: 'root',
      attributes: { stage: 'production', modelName: 'lineage-bot' },
    });
    expect(byKey.get(`dataset-version:${dataset.versionId}`)).toMatchObject({
      side: 'upstream',
      placeholder: false,
    });
    // Not placeholders: the run's and the evaluation's own events were applied (not dead-lettered).
    expect(byKey.get(`training-run:${runId}`)).toMatchObject({ side: 'upstream', placeholder: false });
    expect(byKey.get(`evaluation:${evaluationId}`)).toMatchObject({ side: 'downstream', placeholder: false });
    expect(byKey.get(`approval:${approvalRequestId}`)?.attributes).toMatchObject({ status: 'approved' });
    const edges = lineage.edges.map((e) => `${e.from} ${e.relation} ${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `dataset-version:${dataset.versionId} training-data-for training-run:${runId}`,
        `training-run:${runId} produced model-version:${versionId}`,
        `model-version:${versionId} evaluated-in evaluation:${evaluationId}`,
        `evaluation:${evaluationId} evidence-for approval:${approvalRequestId}`,
        `model-version:${versionId} subject-of approval:${approvalRequestId}`,
      ]),
    );
    const [versionNodes] = await h.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM registry.lineage_nodes WHERE kind = 'model-version' AND id = $1",
      [versionId],
    );
    expect(versionNodes?.n).toBe(1);

    // What the route served: nothing before the first change, v1 between, v2 after the second change.
    const at = (time: string) =>
      h.request<RouteAt & Problem>(
        'registry',
        'GET',
        `/v1/lineage/routes/${route}/at?time=${encodeURIComponent(time)}`,
        undefined,
        'viewer',
      );
    await waitFor('both route states', async () => {
      const res = await h.request<{ states: unknown[] }>(
        'registry',
        'GET',
        `/v1/lineage/routes/${route}/history`,
        undefined,
        'viewer',
      );
      return res.status === 200 && res.body.states.length === 2 ? true : undefined;
    });
    const before = await at(minutesAgo(25));
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('NOTHING_DEPLOYED');
    const between = await at(minutesAgo(15));
    expect(between.status).toBe(200);
    expect(between.body).toMatchObject({ revision: 1, validFrom: firstChange, validTo: secondChange });
    expect(between.body.targets.map((t) => [t.model?.versionId, t.mode, t.weight])).toEqual([
      [previousVersionId, 'primary', 100],
    ]);
    const after = await at(minutesAgo(5));
    expect(after.body).toMatchObject({ revision: 2, validFrom: secondChange, validTo: null });
    expect(after.body.targets.map((t) => t.model?.versionId)).toEqual([versionId]);
  });

  it('keeps route history in event-time order when changes arrive out of order', async () => {
    const route = `late-route-${uuidv7().slice(-8)}`;
    const base = fixture(Topics.deploymentChanged);
    const times = [minutesAgo(50), minutesAgo(40), minutesAgo(30)];
    // Keys are routes, so a real producer keeps order; a late replay or a second producer may not.
    for (const i of [2, 0, 1]) {
      await h.produce(Topics.deploymentChanged, {
        ...base,
        route,
        revision: i + 1,
        changedAt: times[i] as string,
      });
    }
    const history = await waitFor('three states', async () => {
      const res = await h.request<{
        states: { revision: number; validFrom: string; validTo: string | null }[];
      }>('registry', 'GET', `/v1/lineage/routes/${route}/history`, undefined, 'viewer');
      return res.status === 200 && res.body.states.length === 3 ? res.body.states : undefined;
    });
    expect(history.map((s) => [s.revision, s.validFrom, s.validTo])).toEqual([
      [1, times[0], times[1]],
      [2, times[1], times[2]],
      [3, times[2], null],
    ]);
  });

  it('answers for ids with slashes and colons (a Hugging Face base model), URL-encoded', async () => {
    const run = fixture(Topics.runStarted);
    const repoId = `acme/base-${uuidv7().slice(-8)}`;
    await h.produce(Topics.runStarted, {
      ...run,
      runId: uuidv7(),
      lineage: { ...run.lineage, baseModel: { kind: 'huggingface', repoId, revision: null } },
    });
    const id = encodeURIComponent(`huggingface:${repoId}@default`);
    const base = await waitFor('the base model node', async () => {
      const res = await h.request<Graph>(
        'registry',
        'GET',
        `/v1/lineage/nodes/base-model/${id}?depth=1`,
        undefined,
        'viewer',
      );
      return res.status === 200 ? res.body : undefined;
    });
    expect(base.nodes.map((n) => n.key)).toContain(`base-model:huggingface:${repoId}@default`);
    expect(base.edges.map((e) => e.relation)).toEqual(['base-model-for']);
  });

  it('rejects bad queries with problem+json naming the field, and unknown nodes with 404', async () => {
    const badDepth = await h.request<Problem>(
      'registry',
      'GET',
      `/v1/lineage/nodes/model-version/${uuidv7()}?depth=eleven`,
    );
    expect(badDepth.status).toBe(400);
    expect(badDepth.body.errors?.map((e) => e.path)).toEqual(['depth']);
    const tooDeep = await h.request<Problem>(
      'registry',
      'GET',
      `/v1/lineage/nodes/model-version/${uuidv7()}?depth=50`,
    );
    expect(tooDeep.status).toBe(400);
    const badKind = await h.request<Problem>('registry', 'GET', `/v1/lineage/nodes/spaceship/${uuidv7()}`);
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors?.map((e) => e.path)).toEqual(['kind']);
    const badDirection = await h.request<Problem>(
      'registry',
      'GET',
      `/v1/lineage/nodes/model-version/x?direction=sideways`,
    );
    expect(badDirection.body.errors?.map((e) => e.path)).toEqual(['direction']);
    const unknown = await h.request<Problem>(
      'registry',
      'GET',
      `/v1/lineage/nodes/model-version/${uuidv7()}`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('LINEAGE_NODE_NOT_FOUND');
    const badTime = await h.request<Problem>(
      'registry',
      'GET',
      '/v1/lineage/routes/support-bot/at?time=yesterday',
    );
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors?.map((e) => e.path)).toEqual(['time']);
    const unknownRoute = await h.request<Problem>(
      'registry',
      'GET',
      '/v1/lineage/routes/never-deployed/history',
    );
    expect(unknownRoute.body.code).toBe('LINEAGE_ROUTE_NOT_FOUND');
    const nothing = await h.request<Problem>('registry', 'GET', '/v1/lineage/routes/never-deployed/at');
    expect(nothing.body.code).toBe('NOTHING_DEPLOYED');
  });

  it('lets readers in and keeps others out', async () => {
    const url = `/v1/lineage/nodes/model-version/${uuidv7()}`;
    expect((await h.request('registry', 'GET', url, undefined, 'viewer')).status).toBe(404);
    expect((await h.request('registry', 'GET', url, undefined, 'annotator')).status).toBe(403);
    expect((await h.request('registry', 'GET', url, undefined, null)).status).toBe(401);
  });
});
