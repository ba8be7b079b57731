import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { FsObjectStore } from '@llmops/storage';

import type { ExecutorOutcome, ExecutorRun, RunMetricsSample } from '../training-executor';
import { PROCESS_FAILURE_CODES } from './process-failure-codes';
import { ProcessExecutor } from './process-executor';

// The real trainer stub: these tests start a Python process, as CI does (python3 on PATH).
const STUB = resolve(__dirname, '../../../../../tools/trainer-stub/trainer_stub.py');
const STUB_ARGV = ['python3', STUB];

// Each test starts Python; under a loaded CI machine that alone can take seconds.
jest.setTimeout(30_000);

const record = (id: string, content: Record<string, unknown>): string =>
  JSON.stringify({ id, content, metadata: {}, provenance: { producer: 'test' } });

const TRAIN_LINES = [
  record('a', { kind: 'prompt-completion', prompt: 'What is the capital of France?', completion: 'Paris.' }),
  record('b', { kind: 'text', text: 'the cat sat on the mat' }),
  record('c', {
    kind: 'chat',
    messages: [
      { role: 'user', content: 'hello there' },
      { role: 'assistant', content: [{ type: 'text', text: 'general kenobi' }] },
    ],
  }),
];
const MORE_LINES = [record('d', { kind: 'text', text: 'a second shard of text' })];

interface Harness {
  root: string;
  store: FsObjectStore;
  workDir: string;
}

interface Recorded {
  run: ExecutorRun;
  metrics: RunMetricsSample[];
  logs: string[];
  running: number;
  controller: AbortController;
}

async function setUp(): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), 'llmops-process-executor-'));
  const store = new FsObjectStore({ dir: join(root, 'objects'), bucket: 'llmops' });
  await store.ensureReady();
  // Two shards of one split (gzip JSONL, as ingestion writes them) and a base model with two files.
  await store.put('datasets/ds/v1/a.jsonl.gz', gzipSync(TRAIN_LINES.join('\n') + '\n'));
  await store.put('datasets/ds/v1/b.jsonl.gz', gzipSync(MORE_LINES.join('\n'))); // no final newline
  await store.put('models/base/v3/config.json', '{"vocab": 10}');
  await store.put('models/base/v3/weights/part-1.bin', Buffer.from([1, 2, 3]));
  return { root, store, workDir: join(root, 'work') };
}

function newRun(settings: Record<string, unknown>, overrides: Partial<ExecutorRun> = {}): Recorded {
  const controller = new AbortController();
  const recorded: Recorded = { metrics: [], logs: [], running: 0, controller, run: undefined as never };
  recorded.run = {
    runId: 'run-1',
    attempt: 1,
    method: 'sft',
    hyperparameters: { maxSteps: 6, logEvery: 2, learningRate: 0.001 },
    baseModel: { kind: 'registry', id: 'base@3' },
    settings,
    io: {
      datasets: [
        {
          versionId: 'v1',
          split: 'train',
          shardUris: ['s3://llmops/datasets/ds/v1/a.jsonl.gz', 's3://llmops/datasets/ds/v1/b.jsonl.gz'],
        },
      ],
      baseModelUri: 's3://llmops/models/base/v3/',
      outputPrefix: 's3://llmops/runs/run-1/',
    },
    callback: { url: 'http://127.0.0.1:9/v1/training/runs/run-1/callback', token: 'secret' },
    signal: controller.signal,
    onMetrics: (sample) => recorded.metrics.push(sample),
    onLog: (line) => recorded.logs.push(line),
    onRunning: () => {
      recorded.running++;
    },
    ...overrides,
  };
  return recorded;
}

function expectStatus<S extends ExecutorOutcome['status']>(
  outcome: ExecutorOutcome,
  status: S,
): Extract<ExecutorOutcome, { status: S }> {
  expect(outcome.status).toBe(status);
  return outcome as Extract<ExecutorOutcome, { status: S }>;
}

describe('ProcessExecutor with the real trainer stub', () => {
  let harness: Harness;
  let executor: ProcessExecutor;

  beforeEach(async () => {
    harness = await setUp();
    executor = new ProcessExecutor({
      store: harness.store,
      workDir: harness.workDir,
      allowedCommands: { stub: STUB_ARGV, missing: ['/nonexistent/llmops-trainer'] },
      killGraceMs: 2_000,
    });
  });

  afterEach(async () => {
    await rm(harness.root, { recursive: true, force: true });
  });

  it('runs the stub to success: inputs laid out, metrics reported, artifacts stored with their checksums', async () => {
    const recorded = newRun({ command: 'stub' });
    const outcome = expectStatus(await executor.run(recorded.run), 'succeeded');

    expect(recorded.running).toBe(1);
    expect(recorded.metrics.map((sample) => sample.step)).toEqual([2, 4, 6]);
    expect(recorded.metrics.every((sample) => sample.totalSteps === 6)).toBe(true);
    const losses = recorded.metrics.map((sample) => sample.values['loss'] ?? Number.NaN);
    expect(losses.every((loss, index) => index === 0 || loss < (losses[index - 1] ?? 0))).toBe(true);
    expect(outcome.metrics).toEqual(recorded.metrics.at(-1)?.values);
    expect(outcome.metrics['learning_rate']).toBeGreaterThan(0);

    const scriptSha = createHash('sha256')
      .update(await readFile(STUB))
      .digest('hex');
    expect(outcome.trainer).toBe(`stub@0.1.0 sha256:${scriptSha}`);

    const byName = new Map(outcome.artifacts.map((artifact) => [artifact.uri.split('/').at(-1), artifact]));
    expect([...byName.keys()].sort()).toEqual([
      'metrics.jsonl',
      'model.json',
      'tokenizer.json',
      'weights.bin',
    ]);
    expect(byName.get('model.json')?.role).toBe('model');
    expect(byName.get('weights.bin')?.role).toBe('model');
    expect(byName.get('tokenizer.json')?.role).toBe('tokenizer');
    expect(byName.get('metrics.jsonl')?.role).toBe('metrics');
    for (const artifact of outcome.artifacts) {
      expect(artifact.uri).toMatch(/^s3:\/\/llmops\/runs\/run-1\/output\//);
      const stored = await harness.store.stat(artifact.uri.slice('s3://llmops/'.length));
      expect({ sha256: stored.sha256, size: stored.size }).toEqual({
        sha256: artifact.sha256,
        size: artifact.size,
      });
    }

    // What the stub saw: both shards gunzipped into one file (4 records), the base's two files.
    const model = JSON.parse(
      (await harness.store.getBuffer('runs/run-1/output/model.json')).toString('utf8'),
    ) as Record<string, unknown>;
    expect(model).toMatchObject({
      runId: 'run-1',
      method: 'sft',
      baseModel: 'base@3',
      records: 4,
      datasetFiles: ['v1-train.jsonl'],
      baseFiles: ['config.json', 'weights/part-1.bin'],
    });
    expect(recorded.logs.some((line) => line.includes('4 records'))).toBe(true);
    expect(await readdir(harness.workDir)).toEqual([]); // the run directory is gone
  });

  it('runs an allow-listed script by its path (the list form of the allow-list)', async () => {
    const listed = new ProcessExecutor({
      store: harness.store,
      workDir: harness.workDir,
      allowedCommands: [STUB],
    });
    const outcome = expectStatus(await listed.run(newRun({ command: STUB }).run), 'succeeded');
    expect(outcome.trainer.slice(0, -64)).toBe(`${STUB}@0.1.0 sha256:`);
  });

  it('stores LoRA adapters with the adapter role', async () => {
    const recorded = newRun({ command: 'stub' }, { method: 'lora' });
    const outcome = expectStatus(await executor.run(recorded.run), 'succeeded');
    const roles = Object.fromEntries(
      outcome.artifacts.map((artifact) => [artifact.uri.split('/').at(-1), artifact.role]),
    );
    expect(roles).toEqual({
      'adapter_config.json': 'adapter',
      'adapter_model.bin': 'adapter',
      'metrics.jsonl': 'metrics',
      'tokenizer.json': 'tokenizer',
    });
  });

  it('fails with TRAINER_EXITED, the exit code and the last log lines, and keeps the partial artifacts', async () => {
    const recorded = newRun(
      { command: 'stub', env: { LLMOPS_STUB_FAIL: '1' } },
      { hyperparameters: { maxSteps: 6, logEvery: 1 } },
    );
    const outcome = expectStatus(await executor.run(recorded.run), 'failed');

    expect(outcome.code).toBe(PROCESS_FAILURE_CODES.trainerExited);
    expect(outcome.reason).toMatch(/^trainer `stub` exited with code 3; last output: .*asked to fail/);
    expect(outcome.lastLogLines.at(-2)).toMatch(/simulated failure/);
    expect(outcome.lastLogLines.at(-1)).toMatch(/RuntimeError: the stub was asked to fail/);
    const roles = Object.fromEntries(
      outcome.artifacts.map((artifact) => [
        artifact.uri.replace('s3://llmops/runs/run-1/output/', ''),
        artifact.role,
      ]),
    );
    expect(roles).toEqual({ 'checkpoints/step-3.json': 'checkpoint', 'metrics.jsonl': 'metrics' });
    expect(recorded.metrics.map((sample) => sample.step)).toEqual([1, 2]);
    expect(await readdir(harness.workDir)).toEqual([]);
  });

  it('keeps only the last lines of a chatty trainer', async () => {
    const chatty = new ProcessExecutor({
      store: harness.store,
      workDir: harness.workDir,
      allowedCommands: { stub: STUB_ARGV },
      lastLogLines: 2,
    });
    const recorded = newRun({ command: 'stub', env: { LLMOPS_STUB_FAIL: '1' } });
    const outcome = expectStatus(await chatty.run(recorded.run), 'failed');
    expect(outcome.lastLogLines).toHaveLength(2);
    expect(recorded.logs.length).toBeGreaterThan(2);
  });

  it('cancels mid-run: SIGTERM reaches the trainer, which stops; the run is cancelled', async () => {
    const recorded = newRun(
      { command: 'stub', env: { LLMOPS_STUB_STEP_SECONDS: '0.05' } },
      { hyperparameters: { maxSteps: 400, logEvery: 1 } },
    );
    recorded.run.onMetrics = (sample) => {
      recorded.metrics.push(sample);
      if (sample.step === 2) recorded.controller.abort('cancelled');
    };
    const started = Date.now();
    const outcome = expectStatus(await executor.run(recorded.run), 'cancelled');

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(recorded.logs).toContain('trainer-stub: received SIGTERM, stopping');
    expect(recorded.metrics.length).toBeLessThan(400);
    expect(outcome.artifacts.map((artifact) => artifact.role)).toEqual(['metrics']);
    expect(await readdir(harness.workDir)).toEqual([]);
  });

  it('escalates to SIGKILL when the trainer ignores SIGTERM for the grace period', async () => {
    const impatient = new ProcessExecutor({
      store: harness.store,
      workDir: harness.workDir,
      allowedCommands: { stub: STUB_ARGV },
      killGraceMs: 300,
    });
    const recorded = newRun(
      { command: 'stub', env: { LLMOPS_STUB_STEP_SECONDS: '0.05', LLMOPS_STUB_IGNORE_SIGTERM: '1' } },
      { hyperparameters: { maxSteps: 400, logEvery: 1 } },
    );
    // Abort once the stub is surely running its loop (its SIGTERM disposition is set by then).
    let abortedAt = 0;
    recorded.run.onMetrics = () => {
      if (abortedAt !== 0) return;
      abortedAt = Date.now();
      recorded.controller.abort('cancelled');
    };
    expectStatus(await impatient.run(recorded.run), 'cancelled');
    const stoppedAfter = Date.now() - abortedAt;
    expect(stoppedAfter).toBeGreaterThanOrEqual(280);
    expect(stoppedAfter).toBeLessThan(5_000);
    expect(recorded.logs).not.toContain('trainer-stub: received SIGTERM, stopping');
  });

  it('cancels before starting anything when the signal is already aborted', async () => {
    const recorded = newRun({ command: 'stub' });
    recorded.controller.abort('shutdown');
    expectStatus(await executor.run(recorded.run), 'cancelled');
    expect(recorded.metrics).toEqual([]);
  });

  it('stops a trainer that runs past timeoutSeconds and fails the run with TRAINER_TIMED_OUT', async () => {
    const recorded = newRun(
      { command: 'stub', timeoutSeconds: 1, env: { LLMOPS_STUB_STEP_SECONDS: '0.05' } },
      { hyperparameters: { maxSteps: 400, logEvery: 1 } },
    );
    const outcome = expectStatus(await executor.run(recorded.run), 'failed');
    expect(outcome.code).toBe(PROCESS_FAILURE_CODES.trainerTimedOut);
    expect(outcome.reason).toMatch(/ran past its timeout/);
  });

  it('fails with TRAINER_NOT_STARTED and a clear reason when the command does not exist', async () => {
    const recorded = newRun({ command: 'missing' });
    const outcome = expectStatus(await executor.run(recorded.run), 'failed');
    expect(outcome.code).toBe(PROCESS_FAILURE_CODES.trainerNotStarted);
    expect(outcome.reason).toBe(
      'could not start trainer `missing`: not found (or its working directory is missing)',
    );
    expect(recorded.running).toBe(0);
    expect(await readdir(harness.workDir)).toEqual([]);
  });

  it('fails with INPUT_DOWNLOAD_FAILED when a shard is missing, without starting the trainer', async () => {
    const recorded = newRun({ command: 'stub' });
    recorded.run.io.datasets[0]?.shardUris.push('s3://llmops/datasets/ds/v1/gone.jsonl.gz');
    const outcome = expectStatus(await executor.run(recorded.run), 'failed');
    expect(outcome.code).toBe(PROCESS_FAILURE_CODES.inputDownloadFailed);
    expect(outcome.reason).toMatch(/gone\.jsonl\.gz/);
    expect(recorded.running).toBe(0);
  });

  it('passes a trainer error on bad inputs through as TRAINER_EXITED (dpo without preference pairs)', async () => {
    const recorded = newRun({ command: 'stub' }, { method: 'dpo' });
    const outcome = expectStatus(await executor.run(recorded.run), 'failed');
    expect(outcome.reason).toMatch(/exited with code 2; last output: .*dpo needs preference records/);
  });

  it('gives the trainer only the protocol, the run env and the base env — not the service environment', async () => {
    const script = [
      'import json, os',
      'print(json.dumps(sorted(os.environ)))',
      "print(json.dumps({k: v for k, v in os.environ.items() if k.startswith('LLMOPS_')}))",
      "print(json.dumps(sorted(os.listdir(os.environ['LLMOPS_INPUT_DIR'] + '/datasets'))))",
    ].join('\n');
    const probe = new ProcessExecutor({
      store: harness.store,
      workDir: harness.workDir,
      allowedCommands: { probe: ['python3', '-c', script] },
      baseEnv: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    });
    const recorded = newRun({ command: 'probe', env: { EXTRA: '1' } });
    process.env['LLMOPS_TEST_SERVICE_SECRET'] = 'must not leak';
    try {
      expectStatus(await probe.run(recorded.run), 'succeeded');
    } finally {
      delete process.env['LLMOPS_TEST_SERVICE_SECRET'];
    }
    // (An interpreter shim such as pyenv's may add its own variables; what matters is what we pass.)
    const names = JSON.parse(recorded.logs.find((line) => line.startsWith('[')) ?? '[]') as string[];
    expect(names).not.toContain('LLMOPS_TEST_SERVICE_SECRET');
    expect(names).not.toContain('LLMOPS_OUTPUT_URI'); // the executor uploads; the trainer must not
    expect(names).toEqual(
      expect.arrayContaining([
        'EXTRA',
        'LLMOPS_ATTEMPT',
        'LLMOPS_BASE_MODEL',
        'LLMOPS_BASE_MODEL_KIND',
        'LLMOPS_BASE_MODEL_URI',
        'LLMOPS_CALLBACK_URL',
        'LLMOPS_DATASET_URIS',
        'LLMOPS_HYPERPARAMETERS',
        'LLMOPS_INPUT_DIR',
        'LLMOPS_METHOD',
        'LLMOPS_OUTPUT_DIR',
        'LLMOPS_RUN_ID',
        'LLMOPS_RUN_TOKEN',
        'PATH',
        'PYTHONUNBUFFERED',
      ]),
    );
    const values = JSON.parse(recorded.logs.find((line) => line.startsWith('{')) ?? '{}') as Record<
      string,
      string
    >;
    expect(values).toMatchObject({
      LLMOPS_RUN_ID: 'run-1',
      LLMOPS_ATTEMPT: '1',
      LLMOPS_METHOD: 'sft',
      LLMOPS_BASE_MODEL: 'base@3',
      LLMOPS_BASE_MODEL_KIND: 'registry',
      LLMOPS_BASE_MODEL_URI: 's3://llmops/models/base/v3/',
      LLMOPS_CALLBACK_URL: recorded.run.callback.url,
      LLMOPS_RUN_TOKEN: 'secret',
    });
    expect(JSON.parse(values['LLMOPS_HYPERPARAMETERS'] ?? '')).toEqual(recorded.run.hyperparameters);
    expect(JSON.parse(values['LLMOPS_DATASET_URIS'] ?? '')).toEqual(recorded.run.io.datasets);
    expect(recorded.logs).toContain('["v1-train.jsonl"]');
  });

  it('has nothing to reattach to: a child process does not outlive the service', async () => {
    await expect(executor.reattach(newRun({ command: 'stub' }).run)).resolves.toBeNull();
  });
});

describe('ProcessExecutor.validateSettings', () => {
  const executor = new ProcessExecutor({
    store: new FsObjectStore({ dir: join(tmpdir(), 'llmops-unused') }),
    workDir: tmpdir(),
    allowedCommands: { stub: STUB_ARGV },
  });

  it('accepts a command from the allow-list with args, env and a timeout', () => {
    expect(
      executor.validateSettings({
        command: 'stub',
        args: ['--fast'],
        env: { HF_HOME: '/cache' },
        timeoutSeconds: 60,
      }),
    ).toEqual([]);
  });

  it('rejects a command that is not on the allow-list, naming the allowed ones', () => {
    expect(executor.validateSettings({ command: 'rm' })).toEqual([
      { path: 'command', message: '"rm" is not an allowed command (allowed: stub)' },
    ]);
    expect(executor.validateSettings({ command: 'constructor' })[0]?.path).toBe('command');
  });

  it('rejects an argv whose program is not an allow-listed program', () => {
    // `stub` names an argv (python3 + the script); that does not make python3 itself allowed.
    expect(executor.validateSettings({ command: ['python3', '-c', 'print(1)'] })).toEqual([
      { path: 'command', message: 'the argv\'s program "python3" is not an allowed command (allowed: stub)' },
    ]);
  });

  it('takes the allow-list as a list of programs too: a name, or an argv starting with one', () => {
    const listed = new ProcessExecutor({
      store: new FsObjectStore({ dir: join(tmpdir(), 'llmops-unused') }),
      workDir: tmpdir(),
      allowedCommands: [STUB],
    });
    expect(listed.validateSettings({ command: STUB })).toEqual([]);
    expect(listed.validateSettings({ command: [STUB, '--fast'] })).toEqual([]);
    expect(listed.validateSettings({ command: ['/bin/sh', STUB] })[0]?.path).toBe('command');
  });

  it('accepts any argv only where the service allows argv commands', () => {
    const permissive = new ProcessExecutor({
      store: new FsObjectStore({ dir: join(tmpdir(), 'llmops-unused') }),
      workDir: tmpdir(),
      allowArgvCommands: true,
    });
    expect(permissive.validateSettings({ command: ['python3', STUB] })).toEqual([]);
    expect(permissive.validateSettings({ command: 'stub' })[0]?.message).toMatch(/this service allows none/);
  });

  it('rejects cwd, unknown keys, protocol and loader variables, and bad timeouts', () => {
    const issues = executor.validateSettings({
      command: 'stub',
      cwd: '/etc',
      shell: true,
      env: { LLMOPS_OUTPUT_DIR: '/tmp', LD_PRELOAD: '/x.so', PYTHONPATH: '/x', 'BAD-NAME': '1' },
      timeoutSeconds: 0,
    });
    const paths = issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      [
        'cwd',
        'env.BAD-NAME',
        'env.LD_PRELOAD',
        'env.LLMOPS_OUTPUT_DIR',
        'env.PYTHONPATH',
        'shell',
        'timeoutSeconds',
      ].sort(),
    );
    expect(issues.find((issue) => issue.path === 'cwd')?.message).toMatch(/its own directory/);
    expect(executor.validateSettings(undefined)).toEqual([
      { path: 'command', message: expect.any(String) as string },
    ]);
  });
});
