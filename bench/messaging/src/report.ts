import type { RelayResult } from './relay';
import type { CpuReport, LatencySummary } from './stats';

export interface ScenarioResult {
  name: string;
  kind: 'paced' | 'max' | 'backlog';
  system: 'raw kafkajs' | 'llmops';
  mode: string;
  offeredRate?: number;
  /** Events measured (paced: those due after the warm-up; max: all produced). */
  events: number;
  windowSeconds: number;
  /** Paced: events handled per second during the measured window. Max: delivered / (last handled − start). */
  achievedRate: number;
  produceRate?: number;
  consumeRate?: number;
  /** End to end, due (paced) or created (max) → handled, ms. */
  latencyMs: LatencySummary;
  stagesMs: Record<string, LatencySummary>;
  undelivered: number;
  errors: number;
  cpu: CpuReport;
  timings: Record<string, { ms: number; calls: number; meanMs: number }>;
  /** Set when the stack was restarted during every try of this scenario. */
  disrupted?: string;
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    postgresSettings: Record<string, string>;
    kafka: string;
    /** The code measured: commit and the uncommitted changes to the measured libs, if any. */
    code?: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
    /** Set when Postgres or Kafka was restarted (by someone else) during the run. */
    stackRestarted?: string;
  };
  config: Record<string, string | number>;
  scenarios: ScenarioResult[];
  relay: RelayResult[];
}

const ms = (v: number | null): string => {
  if (v === null || v === Infinity) return 'not handled'; // JSON turns Infinity into null
  return Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–';
};
const int = (v: number | undefined): string =>
  v === undefined || !Number.isFinite(v) ? '–' : v.toLocaleString('en-US');
const cores = (cpu: CpuReport, group: string): string => (cpu.coresByGroup[group] ?? 0).toFixed(2);

/** Machine busy %, and cores used by this bench, Postgres, Kafka and everything else on the machine. */
function cpuCell(cpu: CpuReport, cpus: number): string {
  const known = ['bench (this node process)', 'postgres', 'java (kafka + s3proxy)'].reduce(
    (sum, g) => sum + (cpu.coresByGroup[g] ?? 0),
    0,
  );
  const others = Math.max(0, (cpu.machineBusyPct / 100) * cpus - known);
  return `${cpu.machineBusyPct.toFixed(0)} % (bench ${cores(cpu, 'bench (this node process)')}, pg ${cores(cpu, 'postgres')}, kafka ${cores(cpu, 'java (kafka + s3proxy)')}, others ${others.toFixed(2)})`;
}

const flag = (x: { disrupted?: string }): string => (x.disrupted ? ' ⚠ stack restarted during the run' : '');

function verdict(ok: boolean | undefined): string {
  if (ok === undefined) return 'not measured';
  return ok ? '**met**' : '**not met**';
}

export function renderMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `Run ${report.date} · ${m.cpus} × ${m.cpuModel} · ${m.memoryGiB} GiB · Node ${m.node} · PostgreSQL ${m.postgres} ` +
      `(${Object.entries(m.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}) · ${m.kafka} · load average at start ${m.loadAverageAtStart.join(' / ')}` +
      (m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.join(' / ')}` : '') +
      (m.code ? ` · code: ${m.code}` : ''),
  );
  lines.push('');
  lines.push(
    `Payload: \`${String(report.config['topic'])}\` fixture, ${String(report.config['payloadBytes'])} bytes JSON; ` +
      `${String(report.config['partitions'])} partitions; paced runs: ${String(report.config['warmupS'])} s warm-up + ` +
      `${String(report.config['durationS'])} s measured, one batch every ${String(report.config['tickMs'])} ms; ` +
      `unpaced runs: ${String(report.config['maxDurationS'])} s of producing, then drain; relay batchSize ` +
      `${String(report.config['relayBatchSize'])}, pollMs ${String(report.config['relayPollMs'])}, pool ${String(report.config['poolSize'])} connections per service.`,
  );
  lines.push('');
  if (m.stackRestarted) {
    lines.push(
      `**Warning: the shared stack was restarted during this run (${m.stackRestarted}); treat the numbers as suspect.**`,
    );
    lines.push('');
  }

  const paced = report.scenarios.filter((s) => s.kind === 'paced');
  if (paced.length > 0) {
    lines.push('### Paced (open loop): publish → handled');
    lines.push('');
    lines.push(
      '| system | publishing | offered ev/s | handled ev/s | p50 ms | p95 ms | p99 ms | max ms | not handled | failed publishes | CPU busy (cores by process) |',
    );
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const s of paced) {
      lines.push(
        `| ${s.system}${flag(s)} | ${s.mode} | ${int(s.offeredRate)} | ${int(s.achievedRate)} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p95)} | ${ms(s.latencyMs.p99)} | ${ms(s.latencyMs.max)} | ${int(s.undelivered)} | ${int(s.errors)} | ${cpuCell(s.cpu, m.cpus)} |`,
      );
    }
    lines.push('');
  }

  const max = report.scenarios.filter((s) => s.kind === 'max');
  if (max.length > 0) {
    lines.push('### Maximum throughput (unpaced, closed-loop producers)');
    lines.push('');
    lines.push(
      '| system | publishing | events | produced ev/s | end-to-end ev/s | consumer ev/s | p50 ms | p99 ms | CPU busy (cores by process) |',
    );
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const s of max) {
      lines.push(
        `| ${s.system}${flag(s)} | ${s.mode} | ${int(s.events)} | ${int(s.produceRate)} | **${int(s.achievedRate)}** | ${int(s.consumeRate)} | ${ms(s.latencyMs.p50)} | ${ms(s.latencyMs.p99)} | ${cpuCell(s.cpu, m.cpus)} |`,
      );
    }
    lines.push('');
  }

  const backlog = report.scenarios.filter((s) => s.kind === 'backlog');
  if (backlog.length > 0) {
    lines.push('### Consumer alone: draining a backlog (topic filled first, then the group starts)');
    lines.push('');
    lines.push(
      '| system | events | seconds | handled ev/s | per message, sink entry → handled: p50 / p99 ms | CPU busy (cores by process) |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const s of backlog) {
      lines.push(
        `| ${s.system}${flag(s)} | ${int(s.events)} | ${s.windowSeconds.toFixed(2)} | **${int(s.achievedRate)}** | ${ms(s.latencyMs.p50)} / ${ms(s.latencyMs.p99)} | ${cpuCell(s.cpu, m.cpus)} |`,
      );
    }
    lines.push('');
  }

  const layer = report.scenarios.filter((s) => s.system === 'llmops' && s.kind !== 'backlog');
  if (layer.length > 0) {
    const stageNames = Object.keys(layer[0]!.stagesMs);
    lines.push('### Where the time goes (llmops, per stage, p50 / p99 ms)');
    lines.push('');
    lines.push(`| scenario | ${stageNames.join(' | ')} |`);
    lines.push(`| --- | ${stageNames.map(() => '---:').join(' | ')} |`);
    for (const s of layer) {
      lines.push(
        `| ${s.name} | ${stageNames.map((n) => `${ms(s.stagesMs[n]?.p50 ?? NaN)} / ${ms(s.stagesMs[n]?.p99 ?? NaN)}`).join(' | ')} |`,
      );
    }
    lines.push('');
  }

  if (report.relay.length > 0) {
    lines.push('### Outbox relay throughput (pre-filled outbox, no consumer)');
    lines.push('');
    lines.push(
      '| batchSize | rows | seconds | rows/s | batches | SELECT ms/batch | Kafka send ms/batch | DELETE ms/batch | in transaction(s) ms/batch | CPU busy (cores by process) |',
    );
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of report.relay) {
      lines.push(
        `| ${r.batchSize}${flag(r)} | ${int(r.rows)} | ${r.seconds.toFixed(2)} | **${int(r.rowsPerSecond)}** | ${r.batches} | ${r.msPerBatch.select} | ${r.msPerBatch.send} | ${r.msPerBatch.delete} | ${r.msPerBatch.transactions} | ${cpuCell(r.cpu, m.cpus)} |`,
      );
    }
    lines.push('');
  }

  // Targets of the Foundation issue.
  const rawMax = max.find((s) => s.system === 'raw kafkajs');
  const layerMax = max.filter((s) => s.system === 'llmops');
  const layerPaced5k = paced.filter((s) => s.system === 'llmops' && s.offeredRate === 5000);
  const rawPaced5k = paced.find((s) => s.system === 'raw kafkajs' && s.offeredRate === 5000);
  const relayDefault =
    report.relay.find((r) => r.batchSize === Number(report.config['relayBatchSize'])) ?? report.relay[0];
  lines.push('### Targets');
  lines.push('');
  lines.push('| target | measured | verdict |');
  lines.push('| --- | --- | --- |');
  if (rawMax) {
    for (const s of layerMax) {
      const ratio = s.achievedRate / rawMax.achievedRate;
      lines.push(
        `| throughput ≥ 80 % of raw kafkajs (unpaced, ${s.mode}) | ${int(s.achievedRate)} vs ${int(rawMax.achievedRate)} ev/s = ${(ratio * 100).toFixed(1)} % | ${verdict(ratio >= 0.8)} |`,
      );
    }
  }
  if (rawPaced5k) {
    for (const s of layerPaced5k) {
      const ratio = s.achievedRate / rawPaced5k.achievedRate;
      lines.push(
        `| throughput ≥ 80 % of raw at 5k ev/s offered (${s.mode}) | ${int(s.achievedRate)} vs ${int(rawPaced5k.achievedRate)} ev/s = ${(ratio * 100).toFixed(1)} % | ${verdict(ratio >= 0.8)} |`,
      );
    }
  }
  for (const s of layerPaced5k) {
    const measured =
      s.undelivered > 0
        ? `p99 not reached: ${int(s.undelivered)} of ${int(s.events)} events not handled by the end of the drain`
        : `p99 ${ms(s.latencyMs.p99)} ms`;
    lines.push(
      `| p99 ≤ 20 ms at 5k ev/s (${s.mode}) | ${measured} (raw kafkajs: p99 ${ms(rawPaced5k?.latencyMs.p99 ?? NaN)} ms) | ${verdict(s.latencyMs.p99 <= 20 && s.undelivered === 0)} |`,
    );
  }
  if (relayDefault) {
    lines.push(
      `| relay ≥ 5k ev/s (batchSize ${relayDefault.batchSize}) | ${int(relayDefault.rowsPerSecond)} rows/s | ${verdict(relayDefault.rowsPerSecond >= 5000)} |`,
    );
  }
  return lines.join('\n');
}
