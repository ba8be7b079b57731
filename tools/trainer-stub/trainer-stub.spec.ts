import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The stub on its own, spoken to as the protocol says (docs/training-protocol.md); the process executor's
// spec runs it through the executor.
const STUB = join(__dirname, 'trainer_stub.py');

// Each test starts Python; under a loaded CI machine that alone can take seconds.
jest.setTimeout(30_000);

interface StubResult {
  status: number | null;
  stdout: string[];
  stderr: string;
  outputs: string[];
}

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'llmops-trainer-stub-'));
  mkdirSync(join(root, 'input', 'datasets'), { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeDataset(name: string, contents: Record<string, unknown>[]): void {
  const lines = contents.map((content, index) =>
    JSON.stringify({ id: String(index), content, metadata: {}, provenance: { producer: 'test' } }),
  );
  writeFileSync(join(root, 'input', 'datasets', name), lines.join('\n') + '\n');
}

function runStub(env: Record<string, string>, args: string[] = []): StubResult {
  const output = join(root, 'output');
  const result = spawnSync('python3', [STUB, ...args], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      LLMOPS_RUN_ID: 'run-7',
      LLMOPS_METHOD: 'sft',
      LLMOPS_HYPERPARAMETERS: '{"maxSteps": 20, "logEvery": 5}',
      LLMOPS_BASE_MODEL: 'tiny',
      LLMOPS_INPUT_DIR: join(root, 'input'),
      LLMOPS_OUTPUT_DIR: output,
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  let outputs: string[] = [];
  try {
    outputs = readdirSync(output).sort();
  } catch {
    // no output directory
  }
  return {
    status: result.status,
    stdout: result.stdout.split('\n').filter(Boolean),
    stderr: result.stderr,
    outputs,
  };
}

describe('trainer_stub.py', () => {
  it('names itself, prints metrics lines with a falling loss and writes a tiny model', () => {
    writeDataset('v1-train.jsonl', [
      { kind: 'text', text: 'one two three four' },
      { kind: 'prompt-completion', prompt: 'say hi', completion: 'hi' },
    ]);
    const result = runStub({});
    expect(result.status).toBe(0);
    const protocol = result.stdout
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { llmops: string; step?: number; values?: Record<string, number> });
    expect(protocol[0]).toEqual({ llmops: 'trainer', name: 'trainer-stub', version: '0.1.0' });
    const metrics = protocol.slice(1);
    expect(metrics.map((line) => line.step)).toEqual([5, 10, 15, 20]);
    const losses = metrics.map((line) => line.values?.['loss'] ?? Number.NaN);
    expect([...losses].sort((a, b) => b - a)).toEqual(losses);
    expect(result.outputs).toEqual(['metrics.jsonl', 'model.json', 'tokenizer.json', 'weights.bin']);
    const metricsFile = readFileSync(join(root, 'output', 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n');
    expect(metricsFile).toHaveLength(4);
  });

  it('trains DPO on preference records with chat prompts', () => {
    writeDataset('v1-train.jsonl', [
      {
        kind: 'preference',
        prompt: [{ role: 'user', content: 'pick one' }],
        chosen: 'this',
        rejected: 'that',
      },
    ]);
    const result = runStub({ LLMOPS_METHOD: 'dpo' });
    expect(result.status).toBe(0);
    expect(result.outputs).toContain('model.json');
  });

  it('exits 2 with a reason on bad inputs, 3 in its failure mode', () => {
    expect(runStub({ LLMOPS_INPUT_DIR: join(root, 'nowhere') })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/nowhere\/datasets does not exist/) as string,
    });
    writeDataset('v1-train.jsonl', [{ kind: 'text', text: 'hello' }]);
    const failed = runStub({ LLMOPS_STUB_FAIL: '1' });
    expect(failed.status).toBe(3);
    expect(failed.stderr).toMatch(/simulated failure/);
    expect(failed.outputs).toEqual(['checkpoints', 'metrics.jsonl']);
  });

  it('prints its version', () => {
    expect(runStub({}, ['--version']).stdout).toEqual(['trainer-stub 0.1.0']);
  });
});
