import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { allTopics, KafkaEventTransport } from '@llmops/messaging';
import { createServiceDataSource, TransactionHost } from '@llmops/persistence';
import { walkGraph } from '../../../libs/registry/src/lineage/domain/graph-walk';
import type { LineageNodeKind } from '../../../libs/registry/src/lineage/domain/lineage-node-kind';
import type { LineageGraphView } from '../../../libs/registry/src/lineage/dtos/lineage-graph.dto';
import { LineageWalkRepository } from '../../../libs/registry/src/lineage/repositories/lineage-walk.repository';
import { LineageQueryService } from '../../../libs/registry/src/lineage/services/lineage-query.service';
import { measureAuditVerify } from './audit-verify';
import { generateGraph } from './generate-graph';
import { startRegistry } from './registry-process';
import { renderMarkdown, replaceResults, type BenchReport, type ScenarioResult } from './report';
import { round, seededRandom, summarise, timeEach } from './stats';

interface Args {
  root: string;
  nodes: number;
  queries: number;
  warmup: number;
  depth: number;
  limit: number;
  concurrency: number;
  seed: number;
  auditEntries: number;
  auditRuns: number;
  readme: boolean;
  keep: boolean;
  label: string;
}

function parseArgs(argv: string[]): Args {
  const map = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new Error(`unknown argument ${arg}`);
    map.set(m[1], m[2] ?? 'true');
  }
  const num = (name: string, fallback: number): number => Number(map.get(name) ?? fallback);
  return {
    root: map.get('root') ?? process.cwd(),
    nodes: num('nodes', 100_000),
    queries: num('queries', 2000),
    warmup: num('warmup', 200),
    depth: num('depth', 5),
    limit: num('limit', 500),
    concurrency: num('concurrency', 8),
    seed: num('seed', 42),
    auditEntries: num('audit-entries', 20_000),
    auditRuns: num('audit-runs', 3),
    readme: map.get('readme') === 'true',
    keep: map.get('keep') === 'true',
    label: map.get('label') ?? 'full',
  };
}

interface StartNode {
  key: string;
  kind: LineageNodeKind;
  id: string;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (source the stack env: tools/stack/stack.sh up)`);
  return value;
}

function apiKey(): { key: string; hash: string } {
  const key = `llmops_${randomBytes(32).toString('base64url')}`;
  return { key, hash: `sha256:${createHash('sha256').update(key).digest('hex')}` };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const serverUrl = env('DATABASE_URL');
  const brokers = env('KAFKA_BROKERS').split(',');
  const tag = randomBytes(4).toString('hex');
  const database = `llmops_bench_registry_${tag}`;
  const topicPrefix = `benchreg${tag}.`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  log(`database ${database}, topic prefix ${topicPrefix}`);

  // A registry alone on a fresh prefix subscribes before it provisions topics: provision them first.
  const transport = new KafkaEventTransport({ brokers, clientId: 'bench-registry', topicPrefix });
  await transport.provisionTopics(allTopics(), 3);
  await transport.close();

  const viewer = apiKey();
  const approver = apiKey();
  const registry = await startRegistry(
    join(args.root, 'bench', 'registry', '.build', 'apps', 'registry', 'src', 'main.js'),
    {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      S3_ENDPOINT: env('S3_ENDPOINT'),
      S3_ACCESS_KEY: env('S3_ACCESS_KEY'),
      S3_SECRET_KEY: env('S3_SECRET_KEY'),
      S3_BUCKET: env('S3_BUCKET'),
      S3_REGION: process.env['S3_REGION'] ?? 'us-east-1',
      AUTH_API_KEYS: JSON.stringify([
        { name: 'bench-viewer', hash: viewer.hash, roles: ['viewer'] },
        { name: 'bench-approver', hash: approver.hash, roles: ['approver'] },
      ]),
    },
  );
  log(`registry ready at ${registry.url}`);

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const dataSource = createServiceDataSource({
    config: { driver: 'postgres', url: databaseUrl, poolSize: 10 },
    schema: 'registry',
  });
  try {
    log(`generating ${args.nodes} nodes`);
    const t0 = Date.now();
    const graph = await generateGraph(db, args.nodes, log);
    const generateSeconds = round((Date.now() - t0) / 1000, 1);
    log(`graph: ${graph.nodes} nodes, ${graph.edges} edges in ${generateSeconds} s`);

    const all = (
      await db.query<StartNode>(
        'SELECT node_key::text AS key, kind, id FROM registry.lineage_nodes ORDER BY node_key',
      )
    ).rows;
    const random = seededRandom(args.seed);
    const pick = (): StartNode => all[Math.floor(random() * all.length)] as StartNode;
    const warm = Array.from({ length: args.warmup }, pick);
    const starts = Array.from({ length: args.queries }, pick);
    const query = `depth=${args.depth}&direction=both&limit=${args.limit}`;
    const headers = { authorization: `Bearer ${viewer.key}` };

    const scenarios: ScenarioResult[] = [];
    const graphScenario = async (
      name: string,
      what: string,
      concurrency: number,
      fetchGraph: (s: StartNode) => Promise<LineageGraphView | null>,
    ): Promise<number[]> => {
      await timeEach(warm, concurrency, fetchGraph);
      let nodes = 0;
      let edges = 0;
      let truncated = 0;
      let errors = 0;
      const { latencies, wallMs } = await timeEach(starts, concurrency, fetchGraph, (_s, g) => {
        if (!g) errors++;
        nodes += g?.nodes.length ?? 0;
        edges += g?.edges.length ?? 0;
        truncated += g?.truncated ? 1 : 0;
      });
      const latency = summarise(latencies);
      scenarios.push({
        name,
        what,
        concurrency,
        latency,
        throughput: (starts.length / wallMs) * 1000,
        meanNodes: nodes / starts.length,
        meanEdges: edges / starts.length,
        truncatedShare: truncated / starts.length,
        errors,
      });
      log(
        `${name}: p50 ${latency.p50} p95 ${latency.p95} p99 ${latency.p99} ms, mean nodes ${(nodes / starts.length).toFixed(0)}`,
      );
      return latencies;
    };

    const nodesByStart = new Map<StartNode, number>();
    const viaHttp = async (s: StartNode): Promise<LineageGraphView | null> => {
      const res = await fetch(
        `${registry.url}/v1/lineage/nodes/${s.kind}/${encodeURIComponent(s.id)}?${query}`,
        { headers },
      );
      if (res.status !== 200) {
        await res.arrayBuffer();
        return null;
      }
      const body = (await res.json()) as LineageGraphView;
      nodesByStart.set(s, body.nodes.length);
      return body;
    };
    const httpSequential = await graphScenario(
      'http-1',
      'GET /v1/lineage/nodes/{kind}/{id} (registry process)',
      1,
      viaHttp,
    );
    await graphScenario('http-c', 'same, concurrent clients', args.concurrency, viaHttp);
    await graphScenario('http-d0', 'same at depth 0: the fixed cost of a request', 1, async (s) => {
      const res = await fetch(
        `${registry.url}/v1/lineage/nodes/${s.kind}/${encodeURIComponent(s.id)}?depth=0`,
        {
          headers,
        },
      );
      return res.status === 200 ? ((await res.json()) as LineageGraphView) : null;
    });

    await dataSource.initialize();
    const tx = new TransactionHost(dataSource);
    const walkRepository = new LineageWalkRepository(tx);
    const service = new LineageQueryService(walkRepository);
    const options = { depth: args.depth, direction: 'both' as const, limit: args.limit };
    await graphScenario('service', 'LineageQueryService in-process (same SQL, no HTTP)', 1, (s) =>
      service.subgraph(s.kind, s.id, options),
    );
    await graphScenario('walk', 'BFS round trips only (no node payloads)', 1, async (s) => {
      const r = await walkGraph(
        s.key,
        { depth: args.depth, direction: 'both', maxNodes: args.limit },
        walkRepository,
      );
      return {
        nodes: [...r.nodes.keys()],
        edges: r.edges,
        truncated: r.truncated,
      } as unknown as LineageGraphView;
    });
    await graphScenario('cte', 'recursive CTE, no cap in the recursion (reference only)', 1, async (s) => {
      const rows = await tx
        .run(async () => {
          await tx.query("SET LOCAL statement_timeout = '10s'");
          return tx.query<{ node: string }[]>(RECURSIVE_CTE, [s.key, args.depth, args.limit]);
        })
        .catch(() => null);
      return rows
        ? ({ nodes: rows, edges: [], truncated: rows.length >= args.limit } as unknown as LineageGraphView)
        : null;
    });

    const byKind = [...new Set(starts.map((s) => s.kind))].sort().map((kind) => {
      const of = starts.filter((s) => s.kind === kind);
      return {
        kind,
        latency: summarise(httpSequential.filter((_ms, i) => starts[i]?.kind === kind)),
        meanNodes: of.reduce((a, s) => a + (nodesByStart.get(s) ?? 0), 0) / of.length,
      };
    });

    // "What did route R serve at time T": random routes and instants across the generated history.
    const span = Date.parse(graph.historyTo) - Date.parse(graph.historyFrom);
    const atQueries = Array.from({ length: args.queries }, () => ({
      route: `route-${1 + Math.floor(random() * graph.routes)}`,
      time: new Date(Date.parse(graph.historyFrom) + random() * span).toISOString(),
    }));
    let atErrors = 0;
    const at = async (q: { route: string; time: string }): Promise<void> => {
      const res = await fetch(
        `${registry.url}/v1/lineage/routes/${q.route}/at?time=${encodeURIComponent(q.time)}`,
        { headers },
      );
      if (res.status !== 200 && res.status !== 404) atErrors++;
      await res.arrayBuffer();
    };
    await timeEach(atQueries.slice(0, args.warmup), 1, at);
    const atRun = await timeEach(atQueries, 1, at);
    scenarios.push({
      name: 'route-at',
      what: 'GET /v1/lineage/routes/{route}/at?time=T',
      concurrency: 1,
      latency: summarise(atRun.latencies),
      throughput: (atQueries.length / atRun.wallMs) * 1000,
      errors: atErrors,
    });

    const kafka = new Kafka({ clientId: 'bench-registry', brokers, logLevel: logLevel.NOTHING });
    const audit =
      args.auditEntries > 0
        ? await measureAuditVerify({
            root: args.root,
            kafka,
            topicPrefix,
            db,
            registryUrl: registry.url,
            approverKey: approver.key,
            entries: args.auditEntries,
            runs: args.auditRuns,
            log,
          })
        : null;

    const pg =
      (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    const report: BenchReport = {
      startedAt,
      environment: {
        node: process.version,
        postgres: pg,
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
        memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
      },
      settings: {
        depth: args.depth,
        direction: 'both',
        limit: args.limit,
        queries: args.queries,
        warmup: args.warmup,
        seed: args.seed,
      },
      graph: { ...graph, generateSeconds },
      scenarios,
      byKind,
      audit,
      targetP95Ms: 50,
    };
    const markdown = renderMarkdown(report);
    const dir = join(args.root, 'bench', 'registry', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${startedAt.replace(/[:.]/g, '-').slice(0, 19)}Z-${args.label}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${markdown}\n\nresults: ${file}\n`);
    if (args.readme) {
      const readmePath = join(args.root, 'bench', 'registry', 'README.md');
      writeFileSync(readmePath, replaceResults(readFileSync(readmePath, 'utf8'), markdown));
    }
    if (!args.keep) {
      const kafkaAdmin = kafka.admin();
      await kafkaAdmin.connect();
      const topics = (await kafkaAdmin.listTopics()).filter((t) => t.startsWith(topicPrefix));
      await kafkaAdmin.deleteTopics({ topics }).catch(() => undefined);
      await kafkaAdmin.disconnect();
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.end();
    await registry.stop();
    if (!args.keep)
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** The obvious single-statement alternative, for comparison: no visited set, no cap during recursion. */
const RECURSIVE_CTE = `
  WITH RECURSIVE down(node, d) AS (
    SELECT $1::bigint, 0
    UNION SELECT e.to_node, down.d + 1 FROM down JOIN registry.lineage_edges e ON e.from_node = down.node WHERE down.d < $2
  ), up(node, d) AS (
    SELECT $1::bigint, 0
    UNION SELECT e.from_node, up.d + 1 FROM up JOIN registry.lineage_edges e ON e.to_node = up.node WHERE up.d < $2
  )
  SELECT n.node_key::text AS node, n.kind, n.id, n.attributes
  FROM (SELECT node, min(d) AS d FROM (SELECT * FROM down UNION ALL SELECT * FROM up) x GROUP BY node ORDER BY 2 LIMIT $3) w
  JOIN registry.lineage_nodes n ON n.node_key = w.node`;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
