import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evalRougeCommand } from './eval-rouge.command';

interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

describe('llmops eval rouge', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-rouge-'));
    stdout = '';
    stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(content: string, ...args: string[]): Promise<CliRun> {
    const file = join(dir, 'pairs.jsonl');
    writeFileSync(file, content);
    await evalRougeCommand().parseAsync(['--jsonl', file, ...args], { from: 'user' });
    const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return { stdout, stderr, exitCode };
  }

  const lines = (...objects: unknown[]): string => `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`;

  it('prints per-pair and mean scores as JSON', async () => {
    const result = await run(
      lines({ hyp: 'the cat sat', refs: ['the cat sat'] }, { hyp: 'dogs', refs: ['cats', 'a dog'] }),
      '--json',
      '--types',
      'rouge1,rougeL',
    );
    expect(result.exitCode).toBe(0);
    const body = JSON.parse(result.stdout) as {
      count: number;
      types: string[];
      mean: Record<string, { fmeasure: number }>;
      pairs: unknown[];
    };
    expect(body.count).toBe(2);
    expect(body.types).toEqual(['rouge1', 'rougeL']);
    expect(body.pairs).toHaveLength(2);
    expect(body.mean['rouge1']?.fmeasure).toBe(0.5);
  });

  it('applies the stemmer when asked', async () => {
    const data = lines({ hyp: 'dogs running', refs: ['dog runs'] });
    const plain = JSON.parse((await run(data, '--json', '--types', 'rouge1')).stdout) as {
      mean: { rouge1: { fmeasure: number } };
    };
    stdout = '';
    const stemmed = JSON.parse((await run(data, '--json', '--types', 'rouge1', '--stemmer')).stdout) as {
      mean: { rouge1: { fmeasure: number } };
    };
    expect(plain.mean.rouge1.fmeasure).toBe(0);
    expect(stemmed.mean.rouge1.fmeasure).toBe(1);
  });

  it('prints a table by default', async () => {
    const result = await run(lines({ hyp: 'a b', refs: ['a b'] }));
    expect(result.stdout).toContain('pair\ttype\tprecision\trecall\tfmeasure');
    expect(result.stdout).toContain('mean\trougeLsum\t1.000000\t1.000000\t1.000000');
  });

  it.each([
    ['{"hyp": "a", "refs": ["a"]}\n{not json}\n', 'line 2: invalid JSON'],
    ['{"hyp": "a", "refs": ["a"]}\n\n[1, 2]\n', 'line 3: expected an object'],
    ['{"hyp": 3, "refs": ["a"]}\n', 'line 1: "hyp" must be a string'],
    ['{"hyp": "a", "refs": []}\n', 'line 1: "refs" must be a non-empty array of strings'],
    ['{"hyp": "a", "refs": ["a", 1]}\n', 'line 1: "refs" must be a non-empty array of strings'],
    ['', 'has no pairs'],
    ['\n  \n', 'has no pairs'],
  ])('rejects bad input %j with exit code 2', async (content, message) => {
    const result = await run(content);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stdout).toBe('');
  });

  it('rejects unknown ROUGE types', async () => {
    const result = await run(lines({ hyp: 'a', refs: ['a'] }), '--types', 'rouge3');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--types');
  });

  it('reports an unreadable file', async () => {
    await evalRougeCommand().parseAsync(['--jsonl', join(dir, 'missing.jsonl')], { from: 'user' });
    expect(process.exitCode).toBe(2);
    expect(stderr).toContain('cannot read');
  });
});
