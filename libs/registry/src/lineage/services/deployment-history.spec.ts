import { v7 as uuidv7 } from 'uuid';
import { Topics, type DeploymentChangedV1 } from '@llmops/contracts';
import { feedbackReceivedFacts } from '../domain/facts/monitoring.facts';
import { fixture, openLineageContext, type LineageTestContext } from '../testing/lineage-test-context';

// The embedded database takes seconds to start on a busy machine.
jest.setTimeout(60_000);

const base = fixture(Topics.deploymentChanged);
const [primary, canary] = base.targets as [
  DeploymentChangedV1['targets'][number],
  DeploymentChangedV1['targets'][number],
];
const at = (minute: number): string => new Date(Date.UTC(2025, 2, 15, 9, minute)).toISOString();

/** Rollout of v4 on `support-bot`: v3 alone, then a 10% canary, then v4 promoted, then the route deleted. */
const CHANGES: DeploymentChangedV1[] = [
  { ...base, revision: 1, change: 'created', changedAt: at(0), targets: [{ ...primary, weight: 100 }] },
  { ...base, revision: 2, change: 'rollout-step', changedAt: at(10), targets: [primary, canary] },
  {
    ...base,
    revision: 3,
    change: 'promoted',
    changedAt: at(20),
    targets: [{ ...canary, mode: 'primary', weight: 100 }],
  },
  { ...base, revision: 4, change: 'deleted', changedAt: at(30), targets: [] },
];

describe('deployment history over SQL (PGlite)', () => {
  let ctx: LineageTestContext;

  beforeAll(async () => {
    ctx = await openLineageContext();
  });

  beforeEach(() => ctx.reset());

  afterAll(() => ctx.close());

  async function intervals(): Promise<[number, string, string | null][]> {
    const { states } = await ctx.history.history('support-bot', { limit: 100 });
    return states.map((s) => [s.revision, s.validFrom, s.validTo]);
  }

  const CHAIN: [number, string, string | null][] = [
    [1, at(0), at(10)],
    [2, at(10), at(20)],
    [3, at(20), at(30)],
    [4, at(30), null],
  ];

  it('answers what the route served at a time, before, during and after a rollout', async () => {
    for (const change of CHANGES) await ctx.history.recordChange(change, uuidv7());
    expect(await intervals()).toEqual(CHAIN);

    await expect(ctx.history.at('support-bot', at(0).replace('09:00', '08:59'))).rejects.toMatchObject({
      code: 'NOTHING_DEPLOYED',
      status: 404,
    });
    const first = await ctx.history.at('support-bot', at(5));
    expect(first.targets.map((t) => [t.model?.version, t.mode, t.weight])).toEqual([[3, 'primary', 100]]);
    const canaryStep = await ctx.history.at('support-bot', at(10)); // a state is in force from its start
    expect(canaryStep).toMatchObject({ revision: 2, validFrom: at(10), validTo: at(20) });
    expect(
      canaryStep.targets.map((t) => [t.model?.version, t.mode, t.weight, t.promptVersion?.version]),
    ).toEqual([
      [3, 'primary', 90, 7],
      [4, 'canary', 10, 7],
    ]);
    const promoted = await ctx.history.at('support-bot', at(29));
    expect(promoted.targets.map((t) => [t.model?.version, t.mode, t.weight])).toEqual([[4, 'primary', 100]]);
    await expect(ctx.history.at('support-bot', at(45))).rejects.toMatchObject({ code: 'NOTHING_DEPLOYED' });
  });

  it.each([
    ['reversed', [3, 2, 1, 0]],
    ['newest first', [3, 0, 1, 2]],
    ['interleaved', [1, 3, 0, 2]],
  ])('slots late events in by event time (%s)', async (_name, order) => {
    for (const i of order) await ctx.history.recordChange(CHANGES[i] as DeploymentChangedV1, uuidv7());
    expect(await intervals()).toEqual(CHAIN);
    expect((await ctx.history.at('support-bot', at(15))).revision).toBe(2);
  });

  it('ignores the same state twice (replay under another event id)', async () => {
    for (const change of [...CHANGES, ...CHANGES]) await ctx.history.recordChange(change, uuidv7());
    expect(await intervals()).toEqual(CHAIN);
  });

  it('filters history by time window and limit', async () => {
    for (const change of CHANGES) await ctx.history.recordChange(change, uuidv7());
    const window = await ctx.history.history('support-bot', { from: at(12), to: at(25), limit: 10 });
    expect(window.states.map((s) => s.revision)).toEqual([2, 3]);
    const limited = await ctx.history.history('support-bot', { limit: 2 });
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.states).toHaveLength(2);
    await expect(ctx.history.history('no-such-route', { limit: 10 })).rejects.toMatchObject({
      code: 'LINEAGE_ROUTE_NOT_FOUND',
    });
  });

  it("gives each deployment node the intervals it served, and hangs findings off the route's deployments", async () => {
    for (const change of CHANGES) await ctx.history.recordChange(change, uuidv7());
    const feedback = {
      ...fixture(Topics.feedbackReceived),
      route: 'support-bot',
      modelVersion: canary.modelVersion,
      givenAt: at(15),
    };
    await ctx.recorder.record(feedbackReceivedFacts(feedback), uuidv7());

    const graph = await ctx.query.subgraph('deployment', canary.deploymentId, {
      depth: 1,
      direction: 'both',
      limit: 50,
    });
    const node = graph.nodes.find((n) => n.side === 'root');
    expect(node?.intervals).toEqual([
      {
        route: 'support-bot',
        validFrom: at(10),
        validTo: at(20),
        mode: 'canary',
        weight: 10,
        status: 'ready',
      },
      {
        route: 'support-bot',
        validFrom: at(20),
        validTo: at(30),
        mode: 'primary',
        weight: 100,
        status: 'ready',
      },
    ]);
    // The newest change (deleted) carried no target, so the node keeps its last known state.
    expect(node?.attributes).toMatchObject({ mode: 'primary', weight: 100, revision: 3 });
    expect(graph.edges.map((e) => `${e.from} ${e.relation} ${e.to}`).sort()).toEqual(
      [
        `deployment:${canary.deploymentId} received feedback:${feedback.feedbackId}`,
        `model-version:${canary.modelVersion?.versionId ?? ''} deployed-as deployment:${canary.deploymentId}`,
        `prompt-version:${canary.promptVersion?.versionId ?? ''} applied-in deployment:${canary.deploymentId}`,
      ].sort(),
    );
    // The v3 primary served the same route then, but the feedback names v4: it is not linked.
    const other = await ctx.query.subgraph('deployment', primary.deploymentId, {
      depth: 1,
      direction: 'downstream',
      limit: 50,
    });
    expect(other.edges).toEqual([]);
  });
});
