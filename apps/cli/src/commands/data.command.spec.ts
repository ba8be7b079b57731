import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dataCommand } from './data.command';

const text = (i: number) =>
  `document ${String(i)} explains how the broker elects a partition leader and how replicas catch up, ` +
  `with the numbers ${String(i * 17)} and ${String(i * 31)} so that every document differs from the others`;

describe('llmops data', () => {
  let dir: string;
  let stderr: string;
  let stdout: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-data-'));
    stderr = '';
    stdout = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => dataCommand().parseAsync(args, { from: 'user' });
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const lines = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '');

  it('dedup keeps one record per cluster plus the unique ones, and writes the clusters', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `d${String(i)}`, text: text(i) }));
    rows.push({ id: 'near', text: `${text(3)} indeed` }, { id: 'same', text: text(3) });
    const input = file('in.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const kept = join(dir, 'kept.jsonl');
    const clusters = join(dir, 'clusters.jsonl');
    await run('dedup', '--in', input, '--out', kept, '--clusters', clusters, '--threshold', '0.8');
    expect(process.exitCode).toBeUndefined();
    expect(lines(kept)).toHaveLength(50);
    expect(lines(kept)[0]).toBe(JSON.stringify(rows[0])); // kept lines are copied verbatim
    expect(lines(clusters).map((l) => JSON.parse(l) as unknown)).toEqual([
      { cluster: 0, ids: ['d3', 'near', 'same'] },
    ]);
  });

  it('dedup names the line of malformed JSON and of a missing field (exit code 2)', async () => {
    const bad = file('bad.jsonl', `{"id": "a", "text": "x"}\n{oops\n`);
    await run('dedup', '--in', bad, '--out', join(dir, 'k.jsonl'));
    expect(process.exitCode).toBe(2);
    expect(stderr).toContain('line 2: invalid JSON');
    process.exitCode = undefined;
    const missing = file('missing.jsonl', `{"id": "a", "body": "x"}\n`);
    await run('dedup', '--in', missing, '--out', join(dir, 'k.jsonl'));
    expect(stderr).toContain('line 1: field "text" is missing');
  });

  it('clean runs a recipe, keeps going past a malformed line and reports it with its number', async () => {
    const rows = [
      { id: 'a', text: `${text(1)}. Mail jane.doe@example.com for details.` },
      { id: 'b', text: text(1) + '. Mail jane.doe@example.com for details.' },
      { id: 'c', text: text(2) },
    ];
    const input = file(
      'in.jsonl',
      `${JSON.stringify(rows[0])}\n{broken\n${JSON.stringify(rows[1])}\n${JSON.stringify(rows[2])}\n`,
    );
    const recipe = file('recipe.yaml', 'steps:\n  - type: redact-pii\n  - type: dedup-exact\n');
    const out = join(dir, 'out.jsonl.gz');
    await run('clean', '--in', input, '--recipe', recipe, '--out', out);
    expect(process.exitCode).toBeUndefined();
    const kept = gunzipSync(readFileSync(out))
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { id: string; content: { text: string } });
    expect(kept.map((r) => r.id)).toEqual(['a', 'c']);
    expect(kept[0]?.content.text).toContain('[EMAIL]');
    expect(stderr).toMatch(/read 4, kept 2/);
    expect(stderr).toContain('line 2');
  });

  it('clean refuses an invalid recipe, naming the path', async () => {
    const recipe = file('r.json', JSON.stringify({ steps: [{ type: 'filter-length', minWords: 'x' }] }));
    await run(
      'clean',
      '--in',
      file('x.jsonl', '{"text":"a"}\n'),
      '--recipe',
      recipe,
      '--out',
      join(dir, 'o.jsonl'),
    );
    expect(process.exitCode).toBe(2);
    expect(stderr).toContain('steps[0].minWords');
  });

  it('profile prints the JSON profile', async () => {
    const input = file('p.jsonl', [1, 2, 3].map((i) => JSON.stringify({ text: text(i) })).join('\n'));
    await run('profile', '--in', input);
    const profile = JSON.parse(stdout) as { counts: { kept: number }; recordShapes: Record<string, number> };
    expect(profile.counts.kept).toBe(3);
    expect(profile.recordShapes).toEqual({ text: 3 });
  });
});
