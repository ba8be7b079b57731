import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  buildReport,
  EvaluationError,
  JUDGE_GENERATION,
  predictionsJsonl,
  runSuite,
  type GenerationSettings,
} from '@llmops/eval-suite';
import { CliInputError } from './data-input';
import { readSuiteItems } from './eval-run-items';
import {
  createPredictor,
  endpointPredictor,
  parseModelSpec,
  type EndpointSettings,
  type ModelSpec,
} from './eval-run-models';
import { formatRunSummary } from './eval-run-summary';
import { loadSuiteFile } from './eval-run-suite-file';

/** Environment variable holding the bearer token for endpoints (candidate, champion, judge). */
export const EVAL_API_KEY_ENV = 'LLMOPS_EVAL_API_KEY';

/** Exit codes: a CI step tells "the model is not good enough" (1) from "nothing was judged" (2). */
const EXIT_GATE_FAILED = 1;
const EXIT_NO_VERDICT = 2;

/** First back-off between endpoint retries; doubles per attempt. */
const BACKOFF_MS = 500;

interface EvalRunOptions {
  suite: string;
  model: string;
  endpointModel?: string;
  champion?: string;
  championEndpointModel?: string;
  concurrency: number;
  retries: number;
  timeoutMs: number;
  out?: string;
  json?: boolean;
}

const integer =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected an integer from ${String(min)} to ${String(max)}`);
    return n;
  };

/** `llmops eval run`: a suite (plan, local data, gate) against a model, offline, as the service runs it. */
export function evalRunCommand(): Command {
  return (
    new Command('run')
      .description(
        'evaluate a model on a suite file offline: metrics, probes, champion comparison and gate ' +
          '(exit 0: gate passed or no gate, 1: gate failed, 2: bad input or the evaluation could not run)',
      )
      .requiredOption(
        '--suite <file>',
        'suite JSON: {"data": "items.jsonl", "metrics": [...], "gate": {...}, ...}',
      )
      .requiredOption(
        '--model <model>',
        'builtin:<base>, a saved builtin model directory, or an http(s)://…/v1 OpenAI-compatible endpoint',
      )
      .option('--endpoint-model <name>', 'model name the --model endpoint serves')
      .option('--champion <model>', 'compare with this model (same forms as --model), paired bootstrap')
      .option(
        '--champion-endpoint-model <name>',
        'model name the --champion endpoint serves (default: --endpoint-model)',
      )
      .option('--concurrency <n>', 'requests in flight per endpoint', integer(1, 256), 4)
      .option('--retries <n>', 'further attempts after a failed endpoint request', integer(0, 20), 3)
      .option('--timeout-ms <n>', 'per endpoint request', integer(1, 3_600_000), 60_000)
      .option('--out <dir>', 'write report.json and predictions.jsonl there')
      .option('--json', 'print the report as one JSON object instead of the summary')
      .addHelpText('after', `\nEndpoints get "Authorization: Bearer $${EVAL_API_KEY_ENV}" when it is set.`)
      // Usage errors (missing or malformed options) are bad input too: exit 2, as every other one.
      .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : EXIT_NO_VERDICT))
      .action(async (options: EvalRunOptions) => {
        try {
          await runEvalSuite(options, process.env[EVAL_API_KEY_ENV]);
        } catch (error) {
          process.stderr.write(`llmops: ${describeFailure(error)}\n`);
          process.exitCode = EXIT_NO_VERDICT;
        }
      })
  );
}

async function runEvalSuite(options: EvalRunOptions, apiKey: string | undefined): Promise<void> {
  const suite = loadSuiteFile(options.suite);
  const candidateSpec = parseModelSpec('--model', options.model, options.endpointModel);
  const championSpec = options.champion
    ? parseModelSpec('--champion', options.champion, options.championEndpointModel ?? options.endpointModel)
    : null;
  const data = await readSuiteItems(suite.dataFile, suite.plan.maxItems);

  const { plan } = suite;
  const generation: GenerationSettings = { maxTokens: plan.generation.maxTokens, stop: plan.generation.stop };
  const endpoint: EndpointSettings = {
    ...(apiKey ? { apiKey } : {}),
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    backoffMs: BACKOFF_MS,
  };
  const candidate = await createPredictor(candidateSpec, generation, endpoint);
  const champion = championSpec ? await createPredictor(championSpec, generation, endpoint) : null;
  const judge = plan.judge
    ? endpointPredictor(plan.judge.baseUrl, plan.judge.model, JUDGE_GENERATION, endpoint)
    : undefined;

  const progress = process.stderr.isTTY
    ? (stage: string, done: number, total: number) =>
        process.stderr.write(`\r\x1b[K${stage} ${String(done)}/${String(total)}`)
    : undefined;
  const outcome = await runSuite({
    items: data.items,
    plan,
    candidate,
    champion,
    gate: suite.gate,
    warnings: [],
    concurrency: options.concurrency,
    ...(judge ? { judge } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  if (progress) process.stderr.write('\r\x1b[K');

  const report = buildReport(outcome, plan, {
    tool: 'llmops eval run',
    suite: options.suite,
    data: { file: suite.dataFile, records: data.records, skipped: data.skipped },
    candidate: { ...describeSpec(candidateSpec), label: candidate.label },
    champion: championSpec && champion ? { ...describeSpec(championSpec), label: champion.label } : null,
    gatePolicy: suite.gate,
    generatedAt: new Date().toISOString(),
  });
  if (options.out) {
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(options.out, 'predictions.jsonl'), predictionsJsonl(outcome));
  }
  process.stdout.write(
    options.json
      ? `${JSON.stringify(report)}\n`
      : formatRunSummary(outcome, {
          suiteFile: options.suite,
          dataFile: suite.dataFile,
          records: data.records,
          skipped: data.skipped,
          candidate: candidate.label,
          champion: champion?.label ?? null,
          confidenceLevel: plan.bootstrap.confidenceLevel,
        }),
  );
  if (outcome.gate?.verdict === 'fail') process.exitCode = EXIT_GATE_FAILED;
}

/** The model as the report records it: what was asked for, never a credential. */
function describeSpec(spec: ModelSpec): Record<string, string> {
  switch (spec.kind) {
    case 'builtin':
      return { kind: 'builtin', name: spec.name };
    case 'directory':
      return { kind: 'directory', path: spec.path };
    case 'endpoint':
      return { kind: 'endpoint', baseUrl: spec.baseUrl, model: spec.model };
  }
}

/** One line for stderr: input problems as they are, harness failures with their stable code. */
function describeFailure(error: unknown): string {
  if (error instanceof CliInputError) return error.message;
  if (error instanceof EvaluationError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
