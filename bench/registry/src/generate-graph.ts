import type { Client } from 'pg';

/**
 * A layered lineage graph written straight into `registry.lineage_*` with SQL, shaped like a platform
 * that has run for a year: datasets with version chains, labeling round trips, runs on 1–3 dataset
 * versions, versions evaluated 1–2 times, approvals and deployments for some versions, and findings
 * (alerts, drift, feedback) skewed towards a few busy deployments — the hubs a lineage query must survive.
 * Deterministic: `setseed` fixes `random()` for the session.
 */

/** Share of the nodes per kind (feedback takes the rest). */
const SHARES = {
  source: 0.005,
  'dataset-version': 0.2,
  'labeling-project': 0.01,
  'labeling-export': 0.02,
  'training-run': 0.12,
  'model-version': 0.1,
  evaluation: 0.15,
  approval: 0.04,
  'prompt-version': 0.01,
  deployment: 0.03,
  alert: 0.04,
  'drift-report': 0.015,
  'retraining-request': 0.015,
} as const;

const BASE_MODELS = 20;
/** Versions per dataset (a version chain via parent-of). */
const VERSIONS_PER_DATASET = 5;
/** Route states per route in the deployment history. */
const STATES_PER_ROUTE = 10;

export type Counts = Record<keyof typeof SHARES | 'feedback' | 'base-model', number>;

export interface GeneratedGraph {
  counts: Counts;
  nodes: number;
  edges: number;
  routes: number;
  routeStates: number;
  /** Time span covered by the route history (ISO), for "at" queries. */
  historyFrom: string;
  historyTo: string;
}

export function planCounts(total: number): Counts {
  const counts = { 'base-model': BASE_MODELS } as Counts;
  let used = BASE_MODELS;
  for (const [kind, share] of Object.entries(SHARES) as [keyof typeof SHARES, number][]) {
    counts[kind] = Math.max(1, Math.round(total * share));
    used += counts[kind];
  }
  counts.feedback = Math.max(1, total - used);
  return counts;
}

export async function generateGraph(
  db: Client,
  total: number,
  log: (line: string) => void,
): Promise<GeneratedGraph> {
  const c = planCounts(total);
  const run = async (label: string, sql: string): Promise<void> => {
    const t0 = Date.now();
    const res = await db.query(sql);
    log(`  ${label}: ${res.rowCount ?? 0} rows (${Date.now() - t0} ms)`);
  };
  await db.query('SELECT setseed(0.42)');

  for (const [kind, n] of Object.entries(c)) {
    const id = kind === 'base-model' ? `'builtin:base-' || i` : `md5('${kind}:' || i)::uuid::text`;
    await run(
      `nodes ${kind}`,
      `INSERT INTO registry.lineage_nodes (kind, id, label, placeholder, attributes, occurred_at, state_at)
       SELECT '${kind}', ${id}, '${kind} ' || i, false, ${attributesSql(kind)},
              now() - (random() * 365) * interval '1 day', now()
       FROM generate_series(1, ${n}) i`,
    );
  }
  await db.query(`CREATE TEMP TABLE bench_keys AS
    SELECT kind, (attributes->>'i')::int AS i, node_key FROM registry.lineage_nodes`);
  await db.query('ALTER TABLE bench_keys ADD PRIMARY KEY (kind, i)');

  const dv = c['dataset-version'];
  const mvOfDeployment = `1 + ((d - 1) * ${c['model-version']}) / ${c.deployment}`;
  const edges: [string, string, string, string][] = [
    // [from kind, to kind, relation, SELECT fi, ti]
    [
      'source',
      'dataset-version',
      'source-of',
      `SELECT 1 + ((j - 1) / ${VERSIONS_PER_DATASET}) % ${c.source}, j FROM generate_series(1, ${dv}) j WHERE j % 10 <> 0`,
    ],
    [
      'dataset-version',
      'dataset-version',
      'parent-of',
      `SELECT j - 1, j FROM generate_series(2, ${dv}) j WHERE (j - 1) % ${VERSIONS_PER_DATASET} <> 0`,
    ],
    [
      'dataset-version',
      'labeling-project',
      'labeled-in',
      `SELECT 1 + floor(random() * ${dv})::int, p FROM generate_series(1, ${c['labeling-project']}) p`,
    ],
    [
      'labeling-project',
      'labeling-export',
      'exported-as',
      `SELECT 1 + (e - 1) % ${c['labeling-project']}, e FROM generate_series(1, ${c['labeling-export']}) e`,
    ],
    [
      'labeling-export',
      'dataset-version',
      'source-of',
      `SELECT e, 10 * e FROM generate_series(1, ${Math.floor(dv / 10)}) e WHERE e <= ${c['labeling-export']}`,
    ],
    [
      'dataset-version',
      'training-run',
      'training-data-for',
      `SELECT 1 + floor(random() * ${dv})::int, r FROM generate_series(1, ${c['training-run']}) r, generate_series(1, 1 + r % 3) k`,
    ],
    [
      'base-model',
      'training-run',
      'base-model-for',
      `SELECT 1 + r % ${BASE_MODELS}, r FROM generate_series(1, ${c['training-run']}) r WHERE r % 5 <> 0 OR r = 5`,
    ],
    [
      'model-version',
      'training-run',
      'base-model-for',
      `SELECT 1 + floor(random() * (least(r, ${c['model-version']}) - 1))::int, r FROM generate_series(10, ${c['training-run']}, 5) r`,
    ],
    [
      'training-run',
      'model-version',
      'produced',
      `SELECT m, m FROM generate_series(1, ${c['model-version']}) m`,
    ],
    [
      'model-version',
      'evaluation',
      'evaluated-in',
      `SELECT 1 + (e - 1) % ${c['model-version']}, e FROM generate_series(1, ${c.evaluation}) e`,
    ],
    [
      'dataset-version',
      'evaluation',
      'evaluation-data-for',
      `SELECT 1 + floor(random() * ${dv})::int, e FROM generate_series(1, ${c.evaluation}) e`,
    ],
    [
      'model-version',
      'evaluation',
      'champion-in',
      `SELECT 1 + floor(random() * greatest(1, (e - 1) % ${c['model-version']}))::int, e FROM generate_series(1, ${c.evaluation}) e WHERE e % 2 = 0`,
    ],
    [
      'model-version',
      'approval',
      'subject-of',
      `SELECT 1 + ((a - 1) * ${c['model-version']}) / ${c.approval}, a FROM generate_series(1, ${c.approval}) a`,
    ],
    [
      'evaluation',
      'approval',
      'evidence-for',
      `SELECT 1 + ((a - 1) * ${c['model-version']}) / ${c.approval}, a FROM generate_series(1, ${c.approval}) a`,
    ],
    [
      'model-version',
      'deployment',
      'deployed-as',
      `SELECT ${mvOfDeployment}, d FROM generate_series(1, ${c.deployment}) d`,
    ],
    [
      'prompt-version',
      'deployment',
      'applied-in',
      `SELECT 1 + d % ${c['prompt-version']}, d FROM generate_series(1, ${c.deployment}) d WHERE d % 2 = 0`,
    ],
    // Findings pile up on a few deployments: random()^k skews towards low indexes.
    [
      'deployment',
      'alert',
      'raised',
      `SELECT 1 + floor(power(random(), 2) * ${c.deployment})::int, x FROM generate_series(1, ${c.alert}) x`,
    ],
    [
      'deployment',
      'drift-report',
      'drifted',
      `SELECT 1 + floor(power(random(), 2) * ${c.deployment})::int, x FROM generate_series(1, ${c['drift-report']}) x`,
    ],
    [
      'deployment',
      'feedback',
      'received',
      `SELECT 1 + floor(power(random(), 3) * ${c.deployment})::int, x FROM generate_series(1, ${c.feedback}) x`,
    ],
    [
      'model-version',
      'retraining-request',
      'retraining-requested',
      `SELECT 1 + floor(random() * ${c['model-version']})::int, x FROM generate_series(1, ${c['retraining-request']}) x`,
    ],
    [
      'alert',
      'retraining-request',
      'triggered',
      `SELECT 1 + floor(random() * ${c.alert})::int, x FROM generate_series(1, ${c['retraining-request']}) x WHERE x % 2 = 0`,
    ],
    [
      'drift-report',
      'retraining-request',
      'triggered',
      `SELECT 1 + floor(random() * ${c['drift-report']})::int, x FROM generate_series(1, ${c['retraining-request']}) x WHERE x % 2 = 1`,
    ],
    [
      'retraining-request',
      'training-run',
      'triggered',
      `SELECT x, ${c['training-run']} - x FROM generate_series(1, ${c['retraining-request']}) x`,
    ],
  ];
  for (const [from, to, relation, pairs] of edges) {
    await run(
      `edges ${from} -${relation}-> ${to}`,
      `INSERT INTO registry.lineage_edges (from_node, to_node, relation, occurred_at, attributes)
       SELECT f.node_key, t.node_key, '${relation}', now() - (random() * 365) * interval '1 day', '{}'::jsonb
       FROM (${pairs}) AS p(fi, ti)
       JOIN bench_keys f ON f.kind = '${from}' AND f.i = p.fi
       JOIN bench_keys t ON t.kind = '${to}' AND t.i = p.ti
       ON CONFLICT DO NOTHING`,
    );
  }
  // The same rules the recorder applies: approvals authorise their version's deployments; findings on a
  // deployment also hang off the version it serves.
  await run(
    'edges approval -authorised-> deployment',
    `INSERT INTO registry.lineage_edges (from_node, to_node, relation, occurred_at)
     SELECT a.to_node, d.to_node, 'authorised', d.occurred_at FROM registry.lineage_edges a
     JOIN registry.lineage_edges d ON d.from_node = a.from_node AND d.relation = 'deployed-as'
     WHERE a.relation = 'subject-of' ON CONFLICT DO NOTHING`,
  );
  await run(
    'edges model-version -> findings',
    `INSERT INTO registry.lineage_edges (from_node, to_node, relation, occurred_at)
     SELECT v.from_node, f.to_node, f.relation, f.occurred_at FROM registry.lineage_edges f
     JOIN registry.lineage_edges v ON v.to_node = f.from_node AND v.relation = 'deployed-as'
     WHERE f.relation IN ('raised', 'drifted', 'received') ON CONFLICT DO NOTHING`,
  );

  const routes = Math.max(1, Math.floor(c.deployment / STATES_PER_ROUTE));
  await run(
    'route states',
    `INSERT INTO registry.lineage_route_states (route, revision, change, reason, actor, valid_from, valid_to)
     SELECT 'route-' || r, k, 'promoted', 'bench', '{"subject":"serving","kind":"service"}'::jsonb,
            timestamptz '2025-01-01' + (k - 1) * interval '1 day' + r * interval '1 second',
            CASE WHEN k < ${STATES_PER_ROUTE}
                 THEN timestamptz '2025-01-01' + k * interval '1 day' + r * interval '1 second' END
     FROM generate_series(1, ${routes}) r, generate_series(1, ${STATES_PER_ROUTE}) k`,
  );
  // Each state: the newly promoted deployment as primary (90%) and the next one as a 10% canary.
  await run(
    'route targets',
    `INSERT INTO registry.lineage_route_targets
       (state_id, position, deployment_id, model_id, model_name, model_version_id, model_version, backend, mode, weight, status)
     SELECT s.state_id, t.position, md5('deployment:' || d)::uuid, md5('model:' || (${mvOfDeployment}) % 50)::uuid,
            'model-' || (${mvOfDeployment}) % 50, md5('model-version:' || ${mvOfDeployment})::uuid, ${mvOfDeployment},
            '{"kind":"builtin"}'::jsonb, t.mode, t.weight, 'ready'
     FROM registry.lineage_route_states s
     CROSS JOIN LATERAL (VALUES (0, 'primary', 90.0), (1, 'canary', 10.0)) AS t(position, mode, weight)
     CROSS JOIN LATERAL (SELECT substr(s.route, 7)::int + (s.revision - 1 + t.position) * ${routes} AS d) AS dd
     WHERE dd.d <= ${c.deployment}`,
  );
  await db.query(
    'ANALYZE registry.lineage_nodes, registry.lineage_edges, registry.lineage_route_states, registry.lineage_route_targets',
  );

  const count = async (table: string): Promise<number> =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM registry.${table}`)).rows[0]?.n ?? 0);
  return {
    counts: c,
    nodes: await count('lineage_nodes'),
    edges: await count('lineage_edges'),
    routes,
    routeStates: await count('lineage_route_states'),
    historyFrom: '2025-01-01T00:00:00.000Z',
    historyTo: new Date(Date.parse('2025-01-01T00:00:00Z') + STATES_PER_ROUTE * 86_400_000).toISOString(),
  };
}

/** Attributes of a realistic size per kind (the HTTP answer carries them). */
function attributesSql(kind: string): string {
  const common = `'i', i`;
  switch (kind) {
    case 'dataset-version':
      return `jsonb_build_object(${common}, 'datasetName', 'dataset-' || (i / 5), 'version', 1 + (i - 1) % 5,
        'recordShape', 'chat', 'counts', jsonb_build_object('total', 48210, 'train', 43389, 'validation', 2411, 'test', 2410),
        'manifestUri', 's3://llmops/datasets/' || md5('ds' || i) || '/manifest.json', 'manifestSha256', md5('m' || i) || md5('n' || i))`;
    case 'training-run':
      return `jsonb_build_object(${common}, 'method', 'lora', 'status', 'completed', 'configHash', md5('c' || i) || md5('d' || i),
        'hyperparameters', jsonb_build_object('learning_rate', 0.0003, 'epochs', 3, 'lora_rank', 8),
        'metrics', jsonb_build_object('train_loss', 1.6, 'eval_loss', 1.74), 'executor', 'builtin', 'trainer', 'builtin-trainer@0.1.0')`;
    case 'model-version':
      return `jsonb_build_object(${common}, 'modelName', 'model-' || i % 50, 'version', i, 'format', 'builtin', 'stage', 'registered',
        'metrics', jsonb_build_object('eval_loss', 1.74, 'eval_perplexity', 5.72),
        'artifacts', jsonb_build_array(jsonb_build_object('role', 'model', 'uri', 's3://llmops/models/' || i || '/model.bin', 'size', 796)))`;
    case 'evaluation':
      return `jsonb_build_object(${common}, 'suite', jsonb_build_object('name', 'support-quality', 'version', 5),
        'metrics', jsonb_build_object('bleu', 27.31, 'rougeL', 0.412, 'exact_match', 0.081),
        'gate', jsonb_build_object('verdict', 'pass'), 'itemCount', 2410)`;
    case 'feedback':
      return `jsonb_build_object(${common}, 'requestId', 'chatcmpl-' || md5('r' || i), 'channel', 'http', 'application', 'support-web',
        'signal', jsonb_build_object('type', 'thumbs', 'value', CASE WHEN i % 4 = 0 THEN 'down' ELSE 'up' END))`;
    default:
      return `jsonb_build_object(${common}, 'note', '${kind} generated by bench/registry')`;
  }
}
