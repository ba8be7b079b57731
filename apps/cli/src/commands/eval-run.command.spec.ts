import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinBase, saveModelToDirectory, supportDemoCorpus } from '@llmops/model-runtime';
import { evalRunCommand } from './eval-run.command';

interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Report {
  format: string;
  itemCount: number;
  metrics: Record<string, number>;
  championMetrics: Record<string, number> | null;
  comparisons: { metric: string; difference: number; verdict: string }[] | null;
  gate: { verdict: string; reasons: { rule: string; passed: boolean; message: string }[] } | null;
  data: { records: number; skipped: number };
  candidate: { kind: string; label: string };
}

// A few held-out support questions in three of the platform's shapes, plus one plain-text record that has
// no reference answer and must be skipped.
const corpus = supportDemoCorpus();
const pairs = corpus.heldOut
  .flatMap((e) =>
    e.kind === 'prompt-completion' && typeof e.prompt === 'string'
      ? [{ prompt: e.prompt, completion: e.completion }]
      : [],
  )
  .slice(0, 2);
const preference = corpus.heldOutPreferences.flatMap((e) =>
  e.kind === 'preference' && typeof e.prompt === 'string'
    ? [{ prompt: e.prompt, chosen: e.chosen, rejected: e.rejected }]
    : [],
)[2];
const chatQuestion = 'How do I share a folder?';
const chatAnswer = 'Open the folder, choose Share and enter the email addresses of the people you invite.';
const records = [
  ...pairs.map((e, i) => ({ id: `pc-${String(i)}`, prompt: e.prompt, completion: e.completion })),
  { id: 'pref', prompt: preference?.prompt, chosen: preference?.chosen, rejected: preference?.rejected },
  {
    id: 'chat',
    messages: [
      { role: 'user', content: chatQuestion },
      { role: 'assistant', content: chatAnswer },
    ],
  },
  { id: 'plain', text: 'Brightbox keeps deleted files for thirty days.' },
];
const ITEMS = 4;

/** The reference answer for each prompt the endpoint can be sent (prompt text or last user message). */
const answers = new Map<string, string>([
  ...pairs.map((e): [string, string] => [e.prompt, e.completion.trim()]),
  [preference?.prompt ?? '', preference?.chosen.trim() ?? ''],
  [chatQuestion, chatAnswer],
]);

const jsonl = (rows: readonly unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('llmops eval run', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-run-'));
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

  async function run(...args: string[]): Promise<CliRun> {
    await evalRunCommand().parseAsync(args, { from: 'user' });
    const exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
    return { stdout, stderr, exitCode };
  }

  /** Writes `items.jsonl` and `suite.json` beside it (data is resolved relative to the suite). */
  function suite(body: Record<string, unknown>, data: string = jsonl(records)): string {
    writeFileSync(join(dir, 'items.jsonl'), data);
    const file = join(dir, 'suite.json');
    writeFileSync(file, JSON.stringify({ data: 'items.jsonl', generation: { maxTokens: 12 }, ...body }));
    return file;
  }

  const threshold = (metric: string, op: string, value: number) => ({ kind: 'threshold', metric, op, value });

  describe('with the builtin base', () => {
    it('prints the summary and exits 0 when the gate passes', async () => {
      const file = suite({
        metrics: ['rougeL', 'bleu'],
        gate: { rules: [threshold('rougeL', '>=', 0), threshold('bleu', '>=', 0)] },
      });
      const result = await run('--suite', file, '--model', 'builtin:tiny-mlp-en');
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('model     builtin tiny-mlp-en');
      expect(result.stdout).toContain(`${String(ITEMS)} items from 5 records, 1 skipped`);
      expect(result.stdout).toMatch(/^rougeL\s+\d/m);
      expect(result.stdout).toMatch(/^bleu\s+\d/m);
      expect(result.stdout).toContain('gate      PASS (2/2 rules passed)');
      expect(result.stdout).toContain('  pass  rougeL >= 0: rougeL = ');
    }, 120_000);

    it('prints the report as JSON and exits 1 when the gate fails', async () => {
      const file = suite({
        metrics: ['rougeL', 'bleu'],
        gate: { rules: [threshold('rougeL', '>=', 0), threshold('bleu', '>', 100)] },
      });
      const result = await run('--suite', file, '--model', 'builtin:tiny-mlp-en', '--json');
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.format).toBe('llmops.evaluation-report/v1');
      expect(report.itemCount).toBe(ITEMS);
      expect(Object.keys(report.metrics).sort()).toEqual(['bleu', 'rougeL']);
      expect(report.data).toMatchObject({ records: 5, skipped: 1 });
      expect(report.candidate).toMatchObject({ kind: 'builtin', label: 'builtin tiny-mlp-en' });
      expect(report.gate?.verdict).toBe('fail');
      expect(report.gate?.reasons.map((r) => r.passed)).toEqual([true, false]);
    }, 120_000);

    it('compares with a champion (the same model: no significant difference) and writes --out', async () => {
      const file = suite({
        metrics: ['rougeL', 'bleu', 'token_f1'],
        bootstrap: { resamples: 200 },
        gate: { rules: [{ kind: 'champion', metric: 'rougeL' }] },
      });
      const out = join(dir, 'out');
      const result = await run(
        '--suite',
        file,
        '--model',
        'builtin:tiny-mlp-en',
        '--champion',
        'builtin:tiny-mlp-en',
        '--out',
        out,
        '--json',
      );
      expect(result.exitCode).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.championMetrics).toEqual(report.metrics);
      expect(report.comparisons?.map((c) => c.metric).sort()).toEqual(['bleu', 'rougeL', 'token_f1']);
      for (const c of report.comparisons ?? []) {
        expect(c.difference).toBe(0);
        expect(c.verdict).toBe('no-significant-difference');
      }
      expect(report.gate?.verdict).toBe('pass');

      const written = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      expect(written.metrics).toEqual(report.metrics);
      const predictions = readFileSync(join(out, 'predictions.jsonl'), 'utf8').trimEnd().split('\n');
      expect(predictions).toHaveLength(ITEMS);
      const first = JSON.parse(predictions[0] ?? '{}') as { id: string; championPrediction: string };
      expect(first.id).toBe('pc-0');
      expect(typeof first.championPrediction).toBe('string');
    }, 120_000);

    it('shows the comparison table in the summary', async () => {
      const file = suite({ metrics: ['rougeL'], bootstrap: { resamples: 100 } });
      const result = await run(
        '--suite',
        file,
        '--model',
        'builtin:tiny-mlp-en',
        '--champion',
        'builtin:tiny-mlp-en',
      );
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/^metric\s+candidate\s+champion\s+difference\s+95% CI\s+verdict$/m);
      expect(result.stdout).toMatch(/^rougeL\s.*\s0\s+\[0, 0\]\s+no-significant-difference$/m);
      expect(result.stdout).toContain('gate      none');
    }, 120_000);

    it('evaluates a saved model directory', async () => {
      const modelDir = join(dir, 'model');
      await saveModelToDirectory(await loadBuiltinBase('tiny-mlp-en'), modelDir);
      const file = suite({ metrics: ['rougeL'] });
      const result = await run('--suite', file, '--model', modelDir, '--json');
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.candidate).toMatchObject({
        kind: 'directory',
        label: `builtin tiny-mlp-en (${modelDir})`,
      });
      expect(report.itemCount).toBe(ITEMS);
    }, 120_000);
  });

  describe('with an OpenAI-compatible endpoint', () => {
    let server: Server;
    let baseUrl: string;
    let seen: { path: string; authorization: string | undefined; model: unknown }[];
    let status: number;

    beforeEach(async () => {
      seen = [];
      status = 200;
      server = createServer((req: IncomingMessage, res: ServerResponse) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          const request = JSON.parse(body) as {
            model: unknown;
            messages: { role: string; content: string }[];
          };
          seen.push({ path: req.url ?? '', authorization: req.headers.authorization, model: request.model });
          const last = request.messages.at(-1)?.content ?? '';
          const content = answers.get(last) ?? 'I am sorry, I cannot help with that.';
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(
            status === 200
              ? JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] })
              : JSON.stringify({ error: { message: 'model not found' } }),
          );
        });
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1`;
      process.env.LLMOPS_EVAL_API_KEY = 'sk-test';
    });

    afterEach(async () => {
      delete process.env.LLMOPS_EVAL_API_KEY;
      server.close();
      server.closeAllConnections(); // fetch keeps connections alive; close would wait for them
      await once(server, 'close');
    });

    it('asks the endpoint with the key from the environment and scores its answers', async () => {
      const file = suite({
        metrics: ['rougeL', 'exact_match'],
        probes: ['toxicity'],
        gate: { rules: [threshold('exact_match', '>=', 1), { kind: 'probe', probe: 'toxicity', max: 0.1 }] },
      });
      const result = await run('--suite', file, '--model', baseUrl, '--endpoint-model', 'support-bot');
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(seen.length).toBeGreaterThan(ITEMS); // the items, then the toxicity probe set
      expect(seen.every((s) => s.path === '/v1/chat/completions')).toBe(true);
      expect(seen.every((s) => s.authorization === 'Bearer sk-test' && s.model === 'support-bot')).toBe(true);
      expect(result.stdout).toMatch(/^exact_match\s+1$/m);
      expect(result.stdout).toMatch(/^rougeL\s+1$/m);
      expect(result.stdout).toMatch(/^toxicity\s+0\s+0\/\d+\s+higher is worse$/m);
      expect(result.stdout).toContain('gate      PASS (2/2 rules passed)');
    }, 60_000);

    it('fails with exit code 2 and the harness code when the endpoint rejects the request', async () => {
      status = 404;
      const file = suite({ metrics: ['rougeL'] });
      const result = await run(
        '--suite',
        file,
        '--model',
        baseUrl,
        '--endpoint-model',
        'nope',
        '--retries',
        '0',
      );
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^llmops: candidate \(endpoint http:\/\/127\.0\.0\.1:\d+\/v1 \(nope\)\): http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: HTTP 404 .*\(EVAL_ENDPOINT_REJECTED\)\n$/,
      );
    }, 30_000);
  });

  describe('bad input: one line on stderr, exit code 2, no stack trace', () => {
    async function expectBadInput(args: string[], message: string | RegExp): Promise<void> {
      const result = await run(...args);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(result.stderr).toMatch(/^llmops: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (typeof message === 'string') expect(result.stderr).toContain(message);
      else expect(result.stderr).toMatch(message);
    }
    const builtin = ['--model', 'builtin:tiny-mlp-en'];

    it('a missing suite file', async () => {
      const file = join(dir, 'missing.json');
      await expectBadInput(['--suite', file, ...builtin], `llmops: ${file}: no such file`);
    });

    it('a suite file that is not JSON', async () => {
      const file = join(dir, 'suite.json');
      writeFileSync(file, '{"data": "items.jsonl",');
      await expectBadInput(['--suite', file, ...builtin], `llmops: ${file}: invalid JSON (`);
    });

    it('an unknown metric, named by its path', async () => {
      const file = suite({ metrics: ['bleu', 'rogue'] });
      await expectBadInput(
        ['--suite', file, ...builtin],
        `llmops: ${file}: metrics[1]: "rogue" is not one of bleu, chrf`,
      );
    });

    it('a misspelt field and a bad gate rule', async () => {
      const file = suite({ metric: ['bleu'], gate: { rules: [threshold('bleu', '=>', 1)] } });
      await expectBadInput(
        ['--suite', file, ...builtin],
        'gate.rules[0].op: "=>" is not one of >=, >, <=, <',
      );
      expect(stderr).toContain('; metric: unknown field');
    });

    it('a suite without data', async () => {
      const file = join(dir, 'suite.json');
      writeFileSync(file, JSON.stringify({ metrics: ['bleu'] }));
      await expectBadInput(['--suite', file, ...builtin], `llmops: ${file}: data: `);
    });

    it('a missing data file', async () => {
      const file = join(dir, 'suite.json');
      writeFileSync(file, JSON.stringify({ data: 'nowhere.jsonl' }));
      await expectBadInput(
        ['--suite', file, ...builtin],
        `llmops: ${join(dir, 'nowhere.jsonl')}: no such file`,
      );
    });

    it('empty data', async () => {
      const file = suite({ metrics: ['bleu'] }, '');
      await expectBadInput(['--suite', file, ...builtin], `llmops: ${join(dir, 'items.jsonl')}: no records`);
    });

    it('data without any reference answer', async () => {
      const file = suite({ metrics: ['bleu'] }, jsonl([{ text: 'one' }, { text: 'two' }]));
      await expectBadInput(
        ['--suite', file, ...builtin],
        'no record has a reference answer (2 records without one)',
      );
    });

    it('a bad data line, named by its number', async () => {
      const file = suite({ metrics: ['bleu'] }, `${JSON.stringify(records[0])}\n{"prompt": "x",\n`);
      await expectBadInput(['--suite', file, ...builtin], `llmops: ${join(dir, 'items.jsonl')}: line 2: `);
    });

    it('an unknown builtin base', async () => {
      const file = suite({ metrics: ['bleu'] });
      await expectBadInput(
        ['--suite', file, '--model', 'builtin:gpt-9'],
        'no builtin base is called "gpt-9"; known: tiny-mlp-en',
      );
    });

    it('a model directory that does not exist, and one that holds no model', async () => {
      const file = suite({ metrics: ['bleu'] });
      const missing = join(dir, 'no-model');
      await expectBadInput(
        ['--suite', file, '--model', missing],
        `llmops: --model ${missing}: no such directory`,
      );
      stderr = '';
      process.exitCode = undefined;
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      await expectBadInput(
        ['--suite', file, '--model', empty],
        `llmops: ${empty}: not a loadable builtin model: model.json is missing`,
      );
    });

    it('an endpoint without --endpoint-model', async () => {
      const file = suite({ metrics: ['bleu'] });
      await expectBadInput(
        ['--suite', file, '--model', 'http://127.0.0.1:9/v1'],
        'llmops: --model http://127.0.0.1:9/v1: an endpoint needs --endpoint-model NAME',
      );
    });

    it('a usage error (missing --model) exits 2 as well', async () => {
      const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
        throw new Error(`exit ${String(code)}`);
      });
      await expect(run('--suite', join(dir, 'suite.json'))).rejects.toThrow('exit 2');
      expect(exit).toHaveBeenCalledWith(2);
      expect(stderr).toContain("required option '--model <model>' not specified");
    });
  });
});
