import { v7 as uuidv7 } from 'uuid';
import { Topics } from '@llmops/contracts';
import type { AppError } from '@llmops/http';
import { approvalDecidedFacts, approvalRequestedFacts } from '../domain/facts/approval.facts';
import { evaluationCompletedFacts } from '../domain/facts/evaluation.facts';
import { datasetVersionCreatedFacts } from '../domain/facts/ingestion.facts';
import { alertRaisedFacts, retrainingRequestedFacts } from '../domain/facts/monitoring.facts';
import {
  modelVersionRegisteredFacts,
  modelVersionStageChangedFacts,
} from '../domain/facts/registry-model.facts';
import { runCompletedFacts, runStartedFacts } from '../domain/facts/training.facts';
import type { LineageFacts } from '../domain/lineage-facts';
import { LINEAGE_NODE_KINDS } from '../domain/lineage-node-kind';
import type { LineageGraphView } from '../dtos/lineage-graph.dto';
import { fixture, openLineageContext, type LineageTestContext } from '../testing/lineage-test-context';

/** The fixtures tell one story: dataset v3 → run → support-bot v4 → evaluation → approval → production. */
const dv = fixture(Topics.datasetVersionCreated);
const run = fixture(Topics.runCompleted);
const registered = fixture(Topics.modelVersionRegistered);
const evaluation = fixture(Topics.evaluationCompleted);
const requested = fixture(Topics.approvalRequested);
const decided = fixture(Topics.approvalDecided);
const staged = fixture(Topics.modelVersionStageChanged);
const deployed = fixture(Topics.deploymentChanged);
const alert = fixture(Topics.alertRaised);

type Step = (ctx: LineageTestContext) => Promise<void>;

const EMPTY: LineageFacts = {
  primary: null,
  nodes: [],
  edges: [],
  routeLinks: [],
  causes: [],
  approvals: [],
};

const STORY: Step[] = [
  (c) => c.recorder.record(datasetVersionCreatedFacts(dv), uuidv7()),
  (c) => c.recorder.record(runCompletedFacts(run), uuidv7()),
  (c) => c.recorder.record(modelVersionRegisteredFacts(registered), uuidv7()),
  (c) => c.recorder.record(evaluationCompletedFacts(evaluation), uuidv7()),
  (c) => c.recorder.record(approvalRequestedFacts(requested), uuidv7()),
  (c) => c.recorder.record(approvalDecidedFacts(decided), uuidv7()),
  (c) => c.recorder.record(modelVersionStageChangedFacts(staged), uuidv7()),
  (c) => c.history.recordChange(deployed, uuidv7()),
  (c) => c.recorder.record(alertRaisedFacts(alert), uuidv7()),
];

function summary(graph: LineageGraphView): { nodes: string[]; edges: string[] } {
  return {
    nodes: graph.nodes.map((n) => n.key).sort(),
    edges: graph.edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort(),
  };
}

async function versionLineage(ctx: LineageTestContext): Promise<LineageGraphView> {
  return ctx.query.subgraph('model-version', registered.versionId, {
    depth: 5,
    direction: 'both',
    limit: 500,
  });
}

async function count(ctx: LineageTestContext, table: string): Promise<number> {
  const [row] = await ctx.tx.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM registry.${table}`);
  return row?.n ?? -1;
}

// The embedded database takes seconds to start on a busy machine.
jest.setTimeout(60_000);

describe('lineage graph over SQL (PGlite)', () => {
  let ctx: LineageTestContext;

  beforeAll(async () => {
    ctx = await openLineageContext();
  });

  beforeEach(() => ctx.reset());

  afterAll(() => ctx.close());

  it("answers the production version's lineage: dataset version, run, evaluation, approval, deployments", async () => {
    for (const step of STORY) await step(ctx);
    const graph = await versionLineage(ctx);
    const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
    expect(graph.root).toBe(`model-version:${registered.versionId}`);
    expect(byKey.get(`dataset-version:${dv.versionId}`)).toMatchObject({
      side: 'upstream',
      distance: 2,
      label: 'support-conversations v3',
      placeholder: false,
    });
    expect(byKey.get(`training-run:${run.runId}`)).toMatchObject({ side: 'upstream', distance: 1 });
    expect(byKey.get(`evaluation:${evaluation.evaluationId}`)).toMatchObject({ side: 'downstream' });
    const approval = byKey.get(`approval:${requested.approvalRequestId}`);
    expect(approval?.attributes).toMatchObject({
      status: 'approved',
      decisions: { [decided.decidedBy.subject]: { decision: 'approved' } },
    });
    expect(byKey.get(`model-version:${registered.versionId}`)?.attributes).toMatchObject({
      stage: 'production',
      stageHistory: { [staged.changedAt]: { from: 'staging', to: 'production' } },
    });
    const deployment = byKey.get(`deployment:${deployed.targets[1]?.deploymentId ?? ''}`);
    expect(deployment?.intervals).toEqual([
      {
        route: 'support-bot',
        validFrom: deployed.changedAt,
        validTo: null,
        mode: 'canary',
        weight: 10,
        status: 'ready',
      },
    ]);
    const { edges } = summary(graph);
    expect(edges).toEqual(
      expect.arrayContaining([
        `dataset-version:${dv.versionId} training-data-for training-run:${run.runId}`,
        `training-run:${run.runId} produced model-version:${registered.versionId}`,
        `model-version:${registered.versionId} evaluated-in evaluation:${evaluation.evaluationId}`,
        `evaluation:${evaluation.evaluationId} evidence-for approval:${requested.approvalRequestId}`,
        `approval:${requested.approvalRequestId} authorised deployment:${deployed.targets[1]?.deploymentId ?? ''}`,
        `deployment:${deployed.targets[1]?.deploymentId ?? ''} raised alert:${alert.alertId}`,
      ]),
    );
  });

  it('builds the same graph whatever the arrival order, and replays change nothing', async () => {
    for (const step of STORY) await step(ctx);
    const inOrder = summary(await versionLineage(ctx));
    const nodes = await count(ctx, 'lineage_nodes');
    const edges = await count(ctx, 'lineage_edges');
    await ctx.reset();
    // Reversed, except that a finding needs the route state it refers to (resolved on arrival).
    const reversed = [...STORY.slice(0, -1)].reverse();
    for (const step of [...reversed, STORY.at(-1) as Step]) await step(ctx);
    for (const step of STORY) await step(ctx); // every fact again, under new event ids
    expect(summary(await versionLineage(ctx))).toEqual(inOrder);
    expect(await count(ctx, 'lineage_nodes')).toBe(nodes);
    expect(await count(ctx, 'lineage_edges')).toBe(edges);
    const version = (await versionLineage(ctx)).nodes.find((n) => n.side === 'root');
    expect(version?.attributes['stage']).toBe('production');
    expect(version?.placeholder).toBe(false);
  });

  it('a version registered by the registry and also announced again is one node', async () => {
    await ctx.recorder.record(modelVersionRegisteredFacts(registered), uuidv7());
    await ctx.recorder.record(
      modelVersionRegisteredFacts({ ...registered, tags: { ...registered.tags, note: 'second event' } }),
      uuidv7(),
    );
    const rows = await ctx.tx.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM registry.lineage_nodes WHERE kind = 'model-version'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps the newest stage when an older event arrives late', async () => {
    await ctx.recorder.record(modelVersionStageChangedFacts(staged), uuidv7());
    await ctx.recorder.record(modelVersionRegisteredFacts(registered), uuidv7()); // registered earlier
    const graph = await ctx.query.subgraph('model-version', registered.versionId, {
      depth: 0,
      direction: 'both',
      limit: 10,
    });
    expect(graph.nodes[0]?.attributes).toMatchObject({ stage: 'production', format: 'builtin' });
    expect(graph.nodes[0]?.label).toBe('support-bot v4');
  });

  it('links a retraining request to the run it caused, whichever arrives first', async () => {
    const retraining = fixture(Topics.retrainingRequested);
    const started = fixture(Topics.runStarted);
    const cause = uuidv7();
    const trigger = { kind: 'plan' as const, planId: uuidv7(), causationEventId: cause };

    await ctx.recorder.record(retrainingRequestedFacts(retraining), cause);
    await ctx.recorder.record(runStartedFacts({ ...started, trigger }), uuidv7());
    const laterCause = uuidv7();
    const otherRun = uuidv7();
    await ctx.recorder.record(
      runStartedFacts({ ...started, runId: otherRun, trigger: { ...trigger, causationEventId: laterCause } }),
      uuidv7(),
    );
    await ctx.recorder.record(
      retrainingRequestedFacts({ ...retraining, retrainingRequestId: uuidv7() }),
      laterCause,
    );

    for (const runId of [started.runId, otherRun]) {
      const graph = await ctx.query.subgraph('training-run', runId, {
        depth: 1,
        direction: 'upstream',
        limit: 50,
      });
      expect(graph.edges.filter((e) => e.relation === 'triggered').map((e) => e.from)).toEqual([
        expect.stringMatching(/^retraining-request:/),
      ]);
    }
  });

  it('stores every node kind the API accepts (the migration froze the same list)', async () => {
    for (const kind of LINEAGE_NODE_KINDS) {
      await ctx.recorder.record(
        {
          ...EMPTY,
          nodes: [
            { kind, id: `${kind}-1`, label: kind, placeholder: false, occurredAt: null, attributes: {} },
          ],
        },
        null,
      );
    }
    expect(await count(ctx, 'lineage_nodes')).toBe(LINEAGE_NODE_KINDS.length);
  });

  it('rejects an unknown node with LINEAGE_NODE_NOT_FOUND', async () => {
    await expect(
      ctx.query.subgraph('evaluation', uuidv7(), { depth: 1, direction: 'both', limit: 10 }),
    ).rejects.toMatchObject({ code: 'LINEAGE_NODE_NOT_FOUND', status: 404 } satisfies Partial<AppError>);
  });

  it('caps the subgraph and says so', async () => {
    for (const step of STORY) await step(ctx);
    const graph = await ctx.query.subgraph('model-version', registered.versionId, {
      depth: 5,
      direction: 'both',
      limit: 3,
    });
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
    const keys = new Set(graph.nodes.map((n) => n.key));
    for (const e of graph.edges) expect(keys.has(e.from) && keys.has(e.to)).toBe(true);
  });
});
