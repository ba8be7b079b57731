import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  encodeEnvelopeHeaders,
  type EventPayload,
  getEventDefinition,
  parseEventData,
} from '@llmops/contracts';
import { newTraceparent } from '@llmops/observability';
import { LayerBench, TOPIC } from './layer';
import { runPaced } from './pacer';
import { RawKafkaBench } from './raw';
import { RelayBench } from './relay';
import { renderMarkdown, type BenchReport, type ScenarioResult } from './report';
import {
  cpuBetween,
  type LatencySummary,
  now,
  round,
  sampleCpu,
  sleep,
  Stopwatch,
  summarise,
  Timeline,
  waitFor,
} from './stats';

interface Args {
  rates: number[];
  durationS: number;
  warmupS: number;
  tickMs: number;
  maxDurationS: number;
  relayRows: number;
  relayBatchSizes: number[];
  relayPollMs: number;
  partitions: number;
  poolSize: number;
  only: Set<string>;
  drainS: number;
  backlogRaw: number;
  backlogLayer: number;
  readme: boolean;
  label: string;
  render: string;
  withoutNotify: boolean;
  keep: boolean;
  root: string;
}

function parseArgs(argv: string[]): Args {
  const map = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    map.set(m[1]!, m[2] ?? 'true');
  }
  const num = (name: string, fallback: number): number => Number(map.get(name) ?? fallback);
  const list = (name: string, fallback: string): number[] =>
    (map.get(name) ?? fallback).split(',').map(Number);
  return {
    rates: list('rates', '1000,5000'),
    durationS: num('duration', 10),
    warmupS: num('warmup', 3),
    tickMs: num('tick', 5),
    maxDurationS: num('max-duration', 5),
    relayRows: num('relay-rows', 50_000),
    relayBatchSizes: list('relay-batch', '500,100,2000'),
    relayPollMs: num('relay-poll', 250),
    partitions: num('partitions', 3),
    poolSize: num('pool', 10),
    only: new Set((map.get('only') ?? 'paced,max,backlog,relay').split(',')),
    drainS: num('drain', 15),
    backlogRaw: num('backlog-raw', 100_000),
    backlogLayer: num('backlog-layer', 10_000),
    readme: map.get('readme') === 'true',
    label: map.get('label') ?? '',
    render: map.get('render') ?? '',
    withoutNotify: map.get('without-notify') === 'true',
    keep: map.get('keep') === 'true',
    root: map.get('root') ?? process.cwd(),
  };
}

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source /tmp/llmops-stack/env (tools/stack/stack.sh up)`);
  return value;
}

/** Writes the Markdown tables between the README's results markers, formatted as `npm run format` would. */
async function writeReadme(root: string, markdown: string): Promise<void> {
  const readmePath = join(root, 'bench/messaging/README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = '<!-- results:begin -->';
  const end = '<!-- results:end -->';
  const a = readme.indexOf(begin);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error('README.md has no results markers');
  const text = `${readme.slice(0, a + begin.length)}\n\n${markdown}\n\n${readme.slice(b)}`;
  await writeFormatted(readmePath, text);
  log('updated bench/messaging/README.md');
}

/** Writes a file as `npm run format` (prettier) would, so `format:check` stays green. */
async function writeFormatted(path: string, text: string): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(text, { ...options, filepath: path }));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.render) {
    // Re-render a stored results file (no measurement).
    const stored = JSON.parse(readFileSync(args.render, 'utf8')) as BenchReport;
    const markdown = renderMarkdown(stored);
    process.stdout.write(`${markdown}\n`);
    if (args.readme) await writeReadme(args.root, markdown);
    return;
  }
  const brokers = required('KAFKA_BROKERS').split(',');
  const adminUrl = required('DATABASE_URL');
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const prefix = `bench-msg-${runId}.`;
  const dbName = `llmops_bench_msg_${runId}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();

  const fixture = JSON.parse(
    readFileSync(join(args.root, 'libs/contracts/fixtures', `${TOPIC}.json`), 'utf8'),
  ) as EventPayload<typeof TOPIC>;
  const parsed = parseEventData(TOPIC, fixture);
  if (!parsed.ok) throw new Error(parsed.error);
  const value = JSON.stringify(parsed.data); // the exact bytes the outbox stores and the layer sends

  // Short-lived admin connections: other sessions may restart the shared Postgres while we run.
  const admin = async <R>(work: (client: Client) => Promise<R>): Promise<R> => {
    const client = new Client({ connectionString: adminUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const { pgVersion, pgSettings } = await admin(async (pg) => {
    const version =
      (await pg.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    const settings = (
      await pg.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')`,
      )
    ).rows;
    await pg.query(`CREATE DATABASE "${dbName}"`);
    return { pgVersion: version, pgSettings: settings };
  });
  // Other sessions share the stack and sometimes restart it (outage tests): detect it, it spoils a run.
  const stackIdentity = async (): Promise<string> => {
    const pgStart = await admin(async (pg) =>
      String((await pg.query<{ t: string }>('SELECT pg_postmaster_start_time()::text AS t')).rows[0]?.t),
    ).catch(() => 'unreachable');
    let kafkaPid = '?';
    try {
      kafkaPid = readFileSync('/tmp/llmops-stack/kafka/kafka.pid', 'utf8').trim();
    } catch {
      // not the tools/stack layout
    }
    return `postgres started ${pgStart}, kafka pid ${kafkaPid}`;
  };
  const identityAtStart = await stackIdentity();
  log(`database ${dbName}, topic prefix ${prefix}`);

  const timeline = new Timeline(4_000_000);
  const stopwatch = new Stopwatch();
  let scenarioNo = 0;
  // Every scenario gets its own topics (and consumer group), so an overloaded one cannot leave a backlog
  // that slows the next.
  const newRaw = (): RawKafkaBench => {
    const name = `${prefix}raw${++scenarioNo}`;
    return new RawKafkaBench({
      brokers,
      topic: name,
      groupId: name,
      partitions: args.partitions,
      value,
      timeline,
    });
  };
  const newLayer = (): LayerBench =>
    new LayerBench({
      brokers,
      topicPrefix: `${prefix}s${++scenarioNo}.`,
      databaseUrl,
      partitions: args.partitions,
      poolSize: args.poolSize,
      relayBatchSize: 500,
      relayPollMs: 250,
      payload: fixture,
      timeline,
      stopwatch,
      withoutNotify: args.withoutNotify,
    });
  const definition = getEventDefinition(TOPIC);
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memoryGiB: round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: pgVersion,
      postgresSettings: Object.fromEntries(pgSettings.map((s) => [s.name, s.setting])),
      kafka: 'Apache Kafka 4.1 (KRaft, single node, tools/stack)',
      code: codeVersion(args.root),
      loadAverageAtStart: loadavg().map((v) => round(v, 2)),
    },
    config: {
      topic: TOPIC,
      payloadBytes: Buffer.byteLength(value),
      partitions: args.partitions,
      tickMs: args.tickMs,
      warmupS: args.warmupS,
      durationS: args.durationS,
      maxDurationS: args.maxDurationS,
      poolSize: args.poolSize,
      relayBatchSize: 500,
      relayPollMs: 250,
      label: args.label,
      outboxNotifyTrigger: args.withoutNotify ? 'dropped (experiment)' : 'on',
    },
    scenarios: [],
    relay: [],
  };

  const stageSummary = (
    seqs: number[],
    stages: Record<string, (seq: number) => number>,
  ): Record<string, LatencySummary> => {
    const out: Record<string, LatencySummary> = {};
    for (const [name, fn] of Object.entries(stages)) {
      const samples: number[] = [];
      for (const seq of seqs) {
        const v = fn(seq);
        if (Number.isFinite(v)) samples.push(v);
      }
      out[name] = roundSummary(summarise(samples));
    }
    return out;
  };
  const t = timeline;
  const rawStages = {
    'producer ack (due→send resolved)': (s: number) => (t.ack[s] ? t.ack[s] - t.t0[s]! : NaN),
  };
  const layerStages = {
    'publish tx (due→outbox commit)': (s: number) => (t.ack[s] ? t.ack[s] - t.t0[s]! : NaN),
    'relay (commit→Kafka ack)': (s: number) => (t.sent[s] && t.ack[s] ? t.sent[s] - t.ack[s] : NaN),
    'Kafka→consumer (ack→sink entry)': (s: number) => (t.recv[s] && t.sent[s] ? t.recv[s] - t.sent[s] : NaN),
    'consumer (sink entry→tx committed)': (s: number) =>
      t.done[s] && t.recv[s] ? t.done[s] - t.recv[s] : NaN,
  };

  /** What a scenario drives: a raw kafkajs pair or a wired llmops layer, fresh per scenario. */
  interface Subject {
    system: ScenarioResult['system'];
    stages: Record<string, (seq: number) => number>;
    errors: () => number;
    close: () => Promise<void>;
  }
  const rawSubject = async (consume = true): Promise<Subject & { bench: RawKafkaBench }> => {
    const bench = newRaw();
    await bench.start(consume);
    return {
      bench,
      system: 'raw kafkajs',
      stages: rawStages,
      errors: () => bench.errors,
      close: () => Promise.race([bench.close(), sleep(15_000)]),
    };
  };
  const layerSubject = async (consume = true): Promise<Subject & { bench: LayerBench }> => {
    const bench = newLayer();
    await bench.start(consume);
    return {
      bench,
      system: 'llmops',
      stages: layerStages,
      errors: () => bench.errors,
      close: () => Promise.race([bench.close(), sleep(15_000)]),
    };
  };

  /** Latency samples of `seqs`; an event never handled counts as infinitely late. */
  const latencies = (seqs: number[]): { samples: number[]; undelivered: number } => {
    const samples: number[] = [];
    let undelivered = 0;
    for (const s of seqs) {
      if (t.done[s]) samples.push(t.done[s] - t.t0[s]!);
      else {
        samples.push(Infinity);
        undelivered++;
      }
    }
    return { samples, undelivered };
  };

  async function paced(
    subject: Subject,
    mode: string,
    rate: number,
    send: (seqs: number[]) => Promise<void>,
  ): Promise<ScenarioResult> {
    log(`paced ${subject.system} ${mode} @ ${rate}/s for ${args.warmupS}+${args.durationS} s`);
    const first = timeline.allocated;
    const pending = new Set<Promise<void>>();
    const warmupMs = args.warmupS * 1000;
    let cpuA = sampleCpu();
    stopwatch.reset();
    const warm = setTimeout(() => {
      cpuA = sampleCpu();
      stopwatch.reset();
    }, warmupMs);
    const { startedAt } = await runPaced(
      { rate, durationMs: warmupMs + args.durationS * 1000, tickMs: args.tickMs },
      (count, due) => {
        const seqs: number[] = [];
        for (let i = 0; i < count; i++) seqs.push(timeline.allocate(due));
        const p = send(seqs);
        pending.add(p);
        void p.finally(() => pending.delete(p));
      },
    );
    clearTimeout(warm);
    const windowEnd = now();
    const cpuB = sampleCpu();
    const timings = stopwatch.snapshot();
    const last = timeline.allocated;
    const drainedBy = now() + args.drainS * 1000;
    await waitFor(() => pending.size === 0, Math.max(0, drainedBy - now()));
    await waitFor(() => countDone(first, last) >= last - first, Math.max(0, drainedBy - now()), 20);
    const measureFrom = startedAt + warmupMs;
    const measured: number[] = [];
    for (let s = first; s < last; s++) if (t.t0[s]! > measureFrom) measured.push(s);
    let handledInWindow = 0;
    for (let s = first; s < last; s++)
      if (t.done[s]! >= measureFrom && t.done[s]! <= windowEnd) handledInWindow++;
    const { samples, undelivered } = latencies(measured);
    const windowS = (windowEnd - measureFrom) / 1000;
    await subject.close();
    return {
      name: `${subject.system} ${mode} @ ${rate}/s`,
      kind: 'paced',
      system: subject.system,
      mode,
      offeredRate: rate,
      events: measured.length,
      windowSeconds: round(windowS, 2),
      achievedRate: Math.round(handledInWindow / windowS),
      latencyMs: roundSummary(summarise(samples)),
      stagesMs: stageSummary(measured, subject.stages),
      undelivered,
      errors: subject.errors(),
      cpu: cpuBetween(cpuA, cpuB),
      timings,
    };
  }

  function countDone(first: number, last: number): number {
    let n = 0;
    for (let s = first; s < last; s++) if (t.done[s]) n++;
    return n;
  }

  async function unpaced(
    subject: Subject,
    mode: string,
    workers: number,
    batch: number,
    send: (seqs: number[]) => Promise<void>,
  ): Promise<ScenarioResult> {
    log(`max ${subject.system} ${mode}: ${workers} senders × ${batch} events for ${args.maxDurationS} s`);
    const first = timeline.allocated;
    stopwatch.reset();
    const cpuA = sampleCpu();
    const started = now();
    const end = started + args.maxDurationS * 1000;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (now() < end) {
          const t0 = now();
          const seqs: number[] = [];
          for (let i = 0; i < batch; i++) seqs.push(timeline.allocate(t0));
          await send(seqs);
        }
      }),
    );
    const last = timeline.allocated;
    const produced = last - first;
    const produceS = (now() - started) / 1000;
    await waitFor(() => countDone(first, last) >= produced, args.drainS * 4 * 1000, 20);
    const cpuB = sampleCpu();
    const timings = stopwatch.snapshot();
    const seqs: number[] = [];
    let lastDone = started;
    let firstRecv = Infinity;
    for (let s = first; s < last; s++) {
      seqs.push(s);
      const done = t.done[s] ?? 0;
      const recv = t.recv[s] ?? 0;
      if (done) lastDone = Math.max(lastDone, done);
      if (recv) firstRecv = Math.min(firstRecv, recv);
    }
    const { samples, undelivered } = latencies(seqs);
    const delivered = produced - undelivered;
    await subject.close();
    return {
      name: `${subject.system} ${mode} max`,
      kind: 'max',
      system: subject.system,
      mode,
      events: produced,
      windowSeconds: round((lastDone - started) / 1000, 2),
      produceRate: Math.round(produced / produceS),
      achievedRate: Math.round(delivered / ((lastDone - started) / 1000)),
      consumeRate: Math.round(delivered / ((lastDone - firstRecv) / 1000)),
      latencyMs: roundSummary(summarise(samples)),
      stagesMs: stageSummary(seqs, subject.stages),
      undelivered,
      errors: subject.errors(),
      cpu: cpuBetween(cpuA, cpuB),
      timings,
    };
  }

  /**
   * Consumer alone: fill the topic while nobody consumes, then start the consumer group and time how
   * fast it works through the backlog (first message received → last handled).
   */
  async function backlog(
    subject: Subject,
    count: number,
    fill: (seqs: number[]) => Promise<void>,
    filled: (first: number, last: number) => boolean,
    consume: () => Promise<void>,
  ): Promise<ScenarioResult> {
    log(`consumer backlog ${subject.system}: ${count} events`);
    const first = timeline.allocated;
    for (let sent = 0; sent < count;) {
      const n = Math.min(500, count - sent);
      const t0 = now();
      const seqs: number[] = [];
      for (let i = 0; i < n; i++) seqs.push(timeline.allocate(t0));
      await fill(seqs);
      sent += n;
    }
    const last = timeline.allocated;
    if (!(await waitFor(() => filled(first, last), 120_000, 20)))
      throw new Error('backlog was not filled in 120 s');
    stopwatch.reset();
    const cpuA = sampleCpu();
    await consume();
    await waitFor(() => countDone(first, last) >= count, args.drainS * 4 * 1000, 20);
    const cpuB = sampleCpu();
    const timings = stopwatch.snapshot();
    let firstRecv = Infinity;
    let lastDone = 0;
    const service: number[] = [];
    let undelivered = 0;
    for (let s = first; s < last; s++) {
      const done = t.done[s] ?? 0;
      const recv = t.recv[s] ?? 0;
      if (recv) firstRecv = Math.min(firstRecv, recv);
      if (done) {
        lastDone = Math.max(lastDone, done);
        if (recv) service.push(done - recv);
      } else undelivered++;
    }
    await subject.close();
    const seconds = (lastDone - firstRecv) / 1000;
    return {
      name: `${subject.system} consumer backlog`,
      kind: 'backlog',
      system: subject.system,
      mode: 'consumer only',
      events: count,
      windowSeconds: round(seconds, 2),
      achievedRate: Math.round((count - undelivered) / seconds),
      latencyMs: roundSummary(summarise(service)),
      stagesMs: {},
      undelivered,
      errors: subject.errors(),
      cpu: cpuBetween(cpuA, cpuB),
      timings,
    };
  }

  const settle = (): Promise<void> => sleep(1000);
  const relayBench = new RelayBench({
    brokers,
    topicPrefix: `${prefix}relay.`,
    databaseUrl,
    partitions: args.partitions,
    rows: args.relayRows,
    payload: value,
    headers: encodeEnvelopeHeaders({
      specversion: '1.0',
      id: uuidv7(),
      source: definition.source,
      type: definition.type,
      time: new Date().toISOString(),
      subject: 'r0',
      datacontenttype: 'application/json',
      traceparent: newTraceparent(),
      correlationid: uuidv7(),
    }),
  });

  const stackUp = async (): Promise<boolean> => {
    try {
      await admin((pg) => pg.query('SELECT 1'));
      const kafkaAdmin = new Kafka({ clientId: 'bench-check', brokers, logLevel: logLevel.NOTHING }).admin();
      await kafkaAdmin.connect();
      await kafkaAdmin.describeCluster();
      await kafkaAdmin.disconnect();
      return true;
    } catch {
      return false;
    }
  };
  /**
   * Runs one scenario; if the shared stack was restarted meanwhile (another session's outage test) or the
   * scenario failed, waits for the stack and runs it again (3 tries), so a run reports clean numbers.
   */
  async function scenario<T extends { disrupted?: string }>(label: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const before = await stackIdentity();
      let result: T | Error;
      try {
        result = await fn();
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      const after = await stackIdentity();
      if (before === after && !(result instanceof Error)) return result;
      const why =
        before !== after ? `stack restarted (${before} → ${after})` : `failed: ${(result as Error).message}`;
      if (attempt >= 3) {
        if (result instanceof Error) throw result;
        result.disrupted = why;
        return result;
      }
      log(`${label}: ${why}; retrying once the stack is up`);
      for (let i = 0; i < 60 && !(await stackUp()); i++) await sleep(2000);
      await sleep(5000);
    }
  }

  try {
    if (args.only.has('paced')) {
      for (const rate of args.rates) {
        report.scenarios.push(
          await scenario(`raw @ ${rate}`, async () => {
            const r = await rawSubject();
            return paced(r, 'send per tick', rate, (s) => r.bench.send(s));
          }),
        );
        await settle();
        report.scenarios.push(
          await scenario(`llmops tx per event @ ${rate}`, async () => {
            const e = await layerSubject();
            return paced(e, 'tx per event', rate, (s) => e.bench.publishEach(s));
          }),
        );
        await settle();
        report.scenarios.push(
          await scenario(`llmops tx per tick @ ${rate}`, async () => {
            const b = await layerSubject();
            return paced(b, 'tx per tick', rate, (s) => b.bench.publishTx(s));
          }),
        );
        await settle();
      }
    }
    if (args.only.has('max')) {
      report.scenarios.push(
        await scenario('raw max', async () => {
          const r = await rawSubject();
          return unpaced(r, 'send 500/request', 4, 500, (s) => r.bench.send(s));
        }),
      );
      await settle();
      report.scenarios.push(
        await scenario('llmops max tx per event', async () => {
          const e = await layerSubject();
          return unpaced(e, 'tx per event', args.poolSize, 1, (s) => e.bench.publishTx(s));
        }),
      );
      await settle();
      report.scenarios.push(
        await scenario('llmops max tx per 100 events', async () => {
          const b = await layerSubject();
          return unpaced(b, 'tx per 100 events', 4, 100, (s) => b.bench.publishTx(s));
        }),
      );
      await settle();
    }
    if (args.only.has('backlog')) {
      report.scenarios.push(
        await scenario('raw backlog', async () => {
          const r = await rawSubject(false);
          return backlog(
            r,
            args.backlogRaw,
            (s) => r.bench.send(s),
            (a, b) => {
              for (let s = a; s < b; s++) if (!t.ack[s]) return false;
              return true;
            },
            () => r.bench.consume(false),
          );
        }),
      );
      await settle();
      report.scenarios.push(
        await scenario('llmops backlog', async () => {
          const l = await layerSubject(false);
          return backlog(
            l,
            args.backlogLayer,
            (s) => l.bench.publishTx(s),
            (a, b) => {
              for (let s = a; s < b; s++) if (!t.sent[s]) return false;
              return true;
            },
            () => l.bench.consume(false),
          );
        }),
      );
      await settle();
    }
    if (args.only.has('relay')) {
      for (const batchSize of args.relayBatchSizes) {
        log(`relay: ${args.relayRows} rows, batchSize ${batchSize}`);
        const result = await scenario(`relay ${batchSize}`, () =>
          relayBench.run(batchSize, args.relayPollMs),
        );
        report.relay.push(result);
        log(`relay batchSize ${batchSize}: ${result.rowsPerSecond} rows/s`);
      }
    }
  } finally {
    await relayBench.close();
    await cleanup(brokers, prefix, args.keep);
    if (!args.keep) {
      await admin((pg) => pg.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(
        (error: unknown) => {
          log(`could not drop ${dbName}: ${String(error)}`);
        },
      );
    }
  }

  report.machine.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
  const identityAtEnd = await stackIdentity();
  if (identityAtEnd !== identityAtStart) {
    report.machine.stackRestarted = `${identityAtStart} → ${identityAtEnd}`;
    log(
      `WARNING: the stack was restarted during the run (${report.machine.stackRestarted}); results are suspect`,
    );
  }
  const markdown = renderMarkdown(report);
  process.stdout.write(`${markdown}\n`);
  const dir = join(args.root, 'bench/messaging/results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${report.date.slice(0, 19).replace(/:/g, '-')}Z${args.label ? `-${args.label}` : ''}.json`,
  );
  await writeFormatted(file, JSON.stringify(report, null, 2));
  log(`wrote ${file}`);
  if (args.readme) await writeReadme(args.root, markdown);
}

function roundSummary(s: LatencySummary): LatencySummary {
  return {
    count: s.count,
    p50: round(s.p50, 2),
    p95: round(s.p95, 2),
    p99: round(s.p99, 2),
    max: round(s.max, 2),
    mean: round(s.mean, 2),
  };
}

/** The commit measured, plus which measured libs had uncommitted changes (they are compiled as they are). */
function codeVersion(root: string): string {
  try {
    const git = (cmd: string[]): string =>
      execFileSync('git', cmd, { cwd: root, encoding: 'utf8' }).trimEnd();
    const commit = git(['rev-parse', '--short', 'HEAD']);
    const dirty = git(['status', '--porcelain', '--', 'libs/messaging', 'libs/persistence', 'libs/contracts'])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return dirty.length > 0 ? `${commit} + uncommitted ${dirty.join(', ')}` : commit;
  } catch {
    return 'unknown';
  }
}

/** Deletes this run's topics and consumer groups (everything under its prefix). */
async function cleanup(brokers: string[], prefix: string, keep: boolean): Promise<void> {
  if (keep) return;
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } catch (error) {
    log(`cleanup failed: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
