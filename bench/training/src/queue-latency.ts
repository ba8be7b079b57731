import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { summarise } from '../../shared/latency-summary';

/**
 * queued → running latency of the training service: starts the platform (standalone: PGlite, in-process
 * bus, filesystem store — the same scheduler code as distributed mode) from dist/, uploads a small
 * dataset, then queues tiny runs one at a time on the builtin and process executors and reads each run's
 * `createdAt` and `runningAt` from the API. Target < 1 s.
 */

const ROOT = resolve(__dirname, '..', '..', '..', '..', '..', '..');
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const RUNS = Number(arg('runs', '10'));
const PORT = Number(arg('port', '18480'));
const KEY = 'llmops_bench_admin_key_0123456789abcdef';
const base = `http://127.0.0.1:${String(PORT)}`;

async function call<T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${String(res.status)} ${text}`);
  return JSON.parse(text) as T;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Run {
  id: string;
  status: string;
  createdAt: string;
  runningAt: string | null;
}

async function measure(label: string, spec: Record<string, unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await call<Run>('POST', '/v1/training/runs', spec);
    const done = await until(`${label} run ${run.id}`, async () => {
      const r = await call<Run>('GET', `/v1/training/runs/${run.id}`);
      return ['succeeded', 'failed', 'cancelled'].includes(r.status) ? r : undefined;
    });
    if (done.status !== 'succeeded' || !done.runningAt) throw new Error(`${label} run ended ${done.status}`);
    latencies.push(Date.parse(done.runningAt) - Date.parse(done.createdAt));
  }
  return latencies;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'llmops-bench-training-'));
  const stub = join(ROOT, 'tools', 'trainer-stub', 'trainer_stub.py');
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', 'standalone', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LLMOPS_DATA_DIR: dataDir,
      LLMOPS_ADMIN_API_KEY: KEY,
      TRAINING_POLL_MS: '500',
      TRAINING_PROCESS_COMMANDS: JSON.stringify({ stub: ['python3', stub] }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await until('the platform', async () =>
      (await fetch(`${base}/health/ready`)).status === 200 ? true : undefined,
    );
    const dataset = await call<{ id: string }>('POST', '/v1/datasets', { name: 'bench-latency' });
    const rows = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        prompt: `Question ${String(i)}?`,
        completion: ` Answer number ${String(i)} is short.`,
      }),
    ).join('\n');
    await call('POST', `/v1/datasets/${dataset.id}/uploads?fileName=q.jsonl`, rows, 'application/x-ndjson');
    const versionId = await until('the catalogue', async () => {
      const v = await call<{ versionId: string }[]>('GET', `/v1/training/datasets/${dataset.id}/versions`);
      return v[0]?.versionId;
    });
    const common = {
      datasets: [{ versionId }],
      method: 'sft',
      baseModel: { kind: 'builtin', name: 'tiny-mlp-en' },
    };
    // Warm-up: the first builtin run trains the builtin base once per process.
    await measure('warm-up', { ...common, hyperparameters: { maxSteps: 1, warmupSteps: 0 } });
    const builtin = await measure('builtin', { ...common, hyperparameters: { maxSteps: 1, warmupSteps: 0 } });
    const processRuns = await measure('process', {
      ...common,
      executor: { kind: 'process', settings: { command: 'stub' } },
      hyperparameters: {},
    });
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
      mode: 'standalone (PGlite, in-process bus, fs store), TRAINING_POLL_MS=500',
      runsPerExecutor: RUNS,
      queuedToRunningMs: { builtin: summarise(builtin), process: summarise(processRuns) },
      targetMs: 1000,
    };
    const out = join(
      ROOT,
      'bench',
      'training',
      'results',
      `latency-${result.date.replace(/[:.]/g, '-')}.json`,
    );
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`${JSON.stringify(result.queuedToRunningMs, null, 2)}\nwrote ${out}\n`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
