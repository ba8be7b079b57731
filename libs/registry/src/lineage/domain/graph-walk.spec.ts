import { walkGraph, type AdjacencySource, type WalkEdge } from './graph-walk';

/** An in-memory adjacency list with the same contract as the SQL one, counting round trips. */
function memory(pairs: [string, string][]): AdjacencySource & { steps: number } {
  const edges: WalkEdge[] = pairs.map(([from, to]) => ({
    from,
    to,
    relation: 'r',
    occurredAt: null,
    attributes: {},
  }));
  const source = {
    steps: 0,
    step(frontier: { downstream: string[]; upstream: string[] }, limit: number) {
      source.steps++;
      return Promise.resolve({
        downstream: edges.filter((e) => frontier.downstream.includes(e.from)).slice(0, limit),
        upstream: edges.filter((e) => frontier.upstream.includes(e.to)).slice(0, limit),
      });
    },
  };
  return source;
}

// source → dv1 → run → mv → eval → approval;  dv0 → dv1;  mv → deployment → alert
const LINEAGE: [string, string][] = [
  ['source', 'dv1'],
  ['dv0', 'dv1'],
  ['dv1', 'run'],
  ['run', 'mv'],
  ['mv', 'eval'],
  ['eval', 'approval'],
  ['mv', 'approval'],
  ['mv', 'deployment'],
  ['deployment', 'alert'],
];

describe('walkGraph', () => {
  it('walks upstream to the inputs, with distances', async () => {
    const result = await walkGraph('mv', { depth: 5, direction: 'upstream', maxNodes: 100 }, memory(LINEAGE));
    expect(Object.fromEntries([...result.nodes].map(([k, v]) => [k, v.distance]))).toEqual({
      mv: 0,
      run: 1,
      dv1: 2,
      source: 3,
      dv0: 3,
    });
    expect(result.edges).toHaveLength(4);
    expect(result.truncated).toBe(false);
  });

  it('walks downstream to the outcomes, keeping every edge between visited nodes', async () => {
    const result = await walkGraph(
      'mv',
      { depth: 5, direction: 'downstream', maxNodes: 100 },
      memory(LINEAGE),
    );
    expect([...result.nodes.keys()].sort()).toEqual(['alert', 'approval', 'deployment', 'eval', 'mv']);
    expect(result.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual([
      'deployment>alert',
      'eval>approval',
      'mv>approval',
      'mv>deployment',
      'mv>eval',
    ]);
  });

  it('"both" is the union of the two walks, one round trip per level', async () => {
    const source = memory(LINEAGE);
    const result = await walkGraph('run', { depth: 2, direction: 'both', maxNodes: 100 }, source);
    expect(Object.fromEntries([...result.nodes].map(([k, v]) => [k, v.side]))).toEqual({
      run: 'root',
      dv1: 'upstream',
      source: 'upstream',
      dv0: 'upstream',
      mv: 'downstream',
      eval: 'downstream',
      approval: 'downstream',
      deployment: 'downstream',
    });
    expect(source.steps).toBe(2);
  });

  it('does not turn around: siblings trained on the same data are not part of a version lineage', async () => {
    const result = await walkGraph(
      'mv',
      { depth: 5, direction: 'both', maxNodes: 100 },
      memory([...LINEAGE, ['dv1', 'other-run'], ['other-run', 'other-mv']]),
    );
    expect(result.nodes.has('other-mv')).toBe(false);
  });

  it('stops at the depth limit', async () => {
    const result = await walkGraph(
      'source',
      { depth: 2, direction: 'downstream', maxNodes: 100 },
      memory(LINEAGE),
    );
    expect([...result.nodes.keys()].sort()).toEqual(['dv1', 'run', 'source']);
    const alone = await walkGraph('source', { depth: 0, direction: 'both', maxNodes: 100 }, memory(LINEAGE));
    expect([...alone.nodes.keys()]).toEqual(['source']);
    expect(alone.edges).toEqual([]);
  });

  it('caps the nodes, reports truncation and keeps only edges between included nodes', async () => {
    const fan: [string, string][] = Array.from({ length: 50 }, (_, i) => ['hub', `leaf${i}`]);
    const result = await walkGraph('hub', { depth: 3, direction: 'downstream', maxNodes: 10 }, memory(fan));
    expect(result.nodes.size).toBe(10);
    expect(result.truncated).toBe(true);
    for (const edge of result.edges) expect(result.nodes.has(edge.to)).toBe(true);
  });

  it('terminates on cycles', async () => {
    const result = await walkGraph(
      'a',
      { depth: 10, direction: 'both', maxNodes: 100 },
      memory([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    );
    expect(result.nodes.size).toBe(3);
  });
});
