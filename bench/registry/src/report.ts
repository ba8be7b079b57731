import type { AuditVerifyResult } from './audit-verify';
import type { GeneratedGraph } from './generate-graph';
import type { LatencySummary } from './stats';

export interface ScenarioResult {
  name: string;
  what: string;
  concurrency: number;
  latency: LatencySummary;
  /** Completed queries per second over the scenario's wall time. */
  throughput: number;
  meanNodes?: number;
  meanEdges?: number;
  truncatedShare?: number;
  errors: number;
}

export interface BenchReport {
  startedAt: string;
  environment: Record<string, string | number>;
  settings: Record<string, string | number>;
  graph: GeneratedGraph & { generateSeconds: number };
  scenarios: ScenarioResult[];
  /** HTTP latency by the kind of the start node (1 client). */
  byKind: { kind: string; latency: LatencySummary; meanNodes: number }[];
  audit: AuditVerifyResult | null;
  targetP95Ms: number;
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–');

export function renderMarkdown(r: BenchReport): string {
  const lines: string[] = [];
  const http = r.scenarios.find((s) => s.name === 'http-1');
  const verdict = http
    ? http.latency.p95 < r.targetP95Ms
      ? `**met** (p95 ${ms(http.latency.p95)} ms < ${r.targetP95Ms} ms)`
      : `**not met** (p95 ${ms(http.latency.p95)} ms ≥ ${r.targetP95Ms} ms)`
    : 'not measured';
  lines.push(
    `Run ${r.startedAt} — ${r.graph.nodes.toLocaleString('en')} nodes, ${r.graph.edges.toLocaleString('en')} edges, ` +
      `${r.graph.routeStates.toLocaleString('en')} route states (generated in ${r.graph.generateSeconds} s); ` +
      `depth ${r.settings['depth']}, direction ${r.settings['direction']}, node cap ${r.settings['limit']}, ` +
      `${r.settings['queries']} random start nodes (seed ${r.settings['seed']}). Target p95 < ${r.targetP95Ms} ms at depth 5 over HTTP: ${verdict}.`,
    '',
    '| scenario | what | clients | p50 ms | p95 ms | p99 ms | max ms | q/s | mean nodes | truncated | errors |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  );
  for (const s of r.scenarios) {
    lines.push(
      `| ${s.name} | ${s.what} | ${s.concurrency} | ${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${ms(s.latency.p99)} | ` +
        `${ms(s.latency.max)} | ${Math.round(s.throughput)} | ${s.meanNodes === undefined ? '–' : s.meanNodes.toFixed(0)} | ` +
        `${s.truncatedShare === undefined ? '–' : `${(s.truncatedShare * 100).toFixed(1)}%`} | ${s.errors} |`,
    );
  }
  lines.push('', 'HTTP latency by the kind of the start node (1 client):', '');
  lines.push(
    '| start kind | queries | p50 ms | p95 ms | p99 ms | mean nodes |',
    '| --- | --: | --: | --: | --: | --: |',
  );
  for (const k of r.byKind) {
    lines.push(
      `| ${k.kind} | ${k.latency.count} | ${ms(k.latency.p50)} | ${ms(k.latency.p95)} | ${ms(k.latency.p99)} | ${k.meanNodes.toFixed(0)} |`,
    );
  }
  lines.push('', 'Audit verify (`GET /v1/audit/verify`, recomputes the whole hash chain):', '');
  if (!r.audit?.available) {
    lines.push(`not measured: ${r.audit?.note ?? 'skipped (--audit-entries=0)'}`);
  } else {
    lines.push(
      '| entries | fill time s | run | verify ms | entries/s | ok |',
      '| --: | --: | --: | --: | --: | --- |',
    );
    r.audit.runs.forEach((run, i) => {
      lines.push(
        `| ${r.audit?.entries ?? 0} | ${r.audit?.appendSeconds ?? 0} | ${i + 1} | ${ms(run.ms)} | ${run.entriesPerSecond.toLocaleString('en')} | ${String(run.ok)} |`,
      );
    });
  }
  lines.push(
    '',
    `Environment: ${Object.entries(r.environment)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  return lines.join('\n');
}

/** Replaces the text between the README's results markers. */
export function replaceResults(readme: string, markdown: string): string {
  const begin = '<!-- results:begin -->';
  const end = '<!-- results:end -->';
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error('README has no results markers');
  return `${readme.slice(0, a + begin.length)}\n${markdown}\n${readme.slice(b)}`;
}
