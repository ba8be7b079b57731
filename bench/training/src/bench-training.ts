// Trainer and generation throughput of @llmops/model-runtime on the shipped demo corpora, with the
// perplexity figures the runs produce. Writes results/<UTC timestamp>.json and prints the tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  exampleText,
  generalEnglishParagraphs,
  generate,
  type LoadedModel,
  logProb,
  perplexity,
  SUPPORT_QA,
  supportDemoCorpus,
  supportPrompt,
  train,
  trainBuiltinBase,
  type TrainingExample,
  type TrainingMethod,
  type TrainResult,
} from '@llmops/model-runtime';

import { machine, median, timed } from './measure';

const option = (name: string, fallback: string): string =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const reps = Number(option('reps', '3'));
const resultsDir = option('results', join(__dirname, '..', 'results'));
const before = machine();

const support = supportDemoCorpus();
const heldOutTexts = support.heldOut.map(exampleText);

interface TrainingRow {
  readonly run: string;
  readonly tokensPerEpoch: number;
  readonly steps: number;
  /** Trainer-reported: target tokens forward+backward per second of training loop (median of reps). */
  readonly tokensPerSecond: number;
  readonly tokensPerSecondRuns: number[];
  readonly wallMs: number[];
  readonly cpuMs: number[];
  readonly metrics: TrainResult['metrics'];
  readonly heldOutPerplexity?: number;
  readonly dpoMargin?: { train: number; heldOut: number };
}

async function measureTraining(
  run: string,
  once: () => Promise<TrainResult>,
): Promise<{ row: TrainingRow; model: LoadedModel }> {
  const results = [];
  for (let rep = 0; rep < reps; rep++) results.push(await timed(once));
  const last = results.at(-1);
  if (last === undefined) throw new Error('reps must be at least 1');
  const { metrics } = last.value;
  const tokensPerSecondRuns = results.map((result) => result.value.metrics.tokensPerSecond);
  return {
    model: last.value.model,
    row: {
      run,
      tokensPerEpoch: Math.round(metrics.tokensSeen / metrics.epochs),
      steps: metrics.steps,
      tokensPerSecond: median(tokensPerSecondRuns),
      tokensPerSecondRuns,
      wallMs: results.map((result) => result.wallMs),
      cpuMs: results.map((result) => result.cpuMs),
      metrics,
    },
  };
}

function meanMargin(model: LoadedModel, pairs: readonly TrainingExample[]): number {
  let total = 0;
  for (const pair of pairs) {
    if (pair.kind !== 'preference' || typeof pair.prompt !== 'string') continue;
    total +=
      logProb(model, pair.prompt, pair.chosen, { includeEos: true }).logProb -
      logProb(model, pair.prompt, pair.rejected, { includeEos: true }).logProb;
  }
  return total / pairs.length;
}

async function main(): Promise<void> {
  const training: TrainingRow[] = [];
  const baseRun = await measureTraining('builtin base tiny-mlp-en (continued-pretraining from scratch)', () =>
    trainBuiltinBase('tiny-mlp-en'),
  );
  const base = baseRun.model;
  const basePerplexity = perplexity(base, heldOutTexts).perplexity;
  training.push({ ...baseRun.row, heldOutPerplexity: basePerplexity });

  const corpora: Record<TrainingMethod, TrainingExample[]> = {
    'continued-pretraining': support.train.map((example) => ({ kind: 'text', text: exampleText(example) })),
    sft: support.train,
    lora: support.train,
    dpo: support.preferences,
  };
  const fineTuned = new Map<TrainingMethod, LoadedModel>();
  for (const method of ['continued-pretraining', 'sft', 'lora', 'dpo'] as const) {
    const { row, model } = await measureTraining(`${method} on support demo (defaults)`, () =>
      train({ method, base, corpus: corpora[method] }),
    );
    fineTuned.set(method, model);
    training.push(
      method === 'dpo'
        ? {
            ...row,
            heldOutPerplexity: perplexity(model, heldOutTexts).perplexity,
            dpoMargin: {
              train: meanMargin(model, support.preferences),
              heldOut: meanMargin(model, support.heldOutPreferences),
            },
          }
        : { ...row, heldOutPerplexity: perplexity(model, heldOutTexts).perplexity },
    );
  }
  const baseMargin = {
    train: meanMargin(base, support.preferences),
    heldOut: meanMargin(base, support.heldOutPreferences),
  };

  // Generation: the base continuing the opening words of each general-English paragraph, and the SFT
  // model answering every support question; greedy and sampled, at most 128 tokens each. Generation
  // stops early at EOS, so the token counts are reported with the rates.
  const sft = fineTuned.get('sft') ?? base;
  const openings = generalEnglishParagraphs().map((paragraph) => paragraph.split(' ').slice(0, 4).join(' '));
  const questions = SUPPORT_QA.map(([question]) => supportPrompt(question));
  const generation = [];
  for (const [model, label, prompts] of [
    [base, 'base, paragraph openings', openings],
    [sft, 'sft, support questions', questions],
  ] as const) {
    for (const [mode, options] of [
      ['greedy', { temperature: 0, maxTokens: 128 }],
      [
        'sampled T 0.8, topK 40, topP 0.95',
        { temperature: 0.8, topK: 40, topP: 0.95, maxTokens: 128, seed: 1 },
      ],
    ] as const) {
      const runs = [];
      for (let rep = 0; rep < reps; rep++) {
        runs.push(
          await timed(async () => {
            let tokens = 0;
            for (const prompt of prompts) tokens += (await generate(model, prompt, options)).completionTokens;
            return tokens;
          }),
        );
      }
      const tokens = runs[0]?.value ?? 0;
      generation.push({
        label: `${label} (${prompts.length}), ${mode}`,
        prompts: prompts.length,
        tokens,
        wallMs: runs.map((run) => run.wallMs),
        tokensPerSecond: tokens / (median(runs.map((run) => run.wallMs)) / 1000),
      });
    }
  }
  const heldOutPrompt =
    support.heldOut.flatMap((example) => (example.kind === 'prompt-completion' ? [example.prompt] : []))[0] ??
    '';
  const sample = {
    prompt: heldOutPrompt,
    completion: (await generate(sft, heldOutPrompt, { temperature: 0, maxTokens: 60 })).text,
    baseContinuation: (await generate(base, 'The morning', { temperature: 0, maxTokens: 40 })).text,
  };

  // Scoring throughput: perplexity over the whole general-English corpus.
  const paragraphs = generalEnglishParagraphs();
  const scoring = await timed(() => Promise.resolve(perplexity(base, paragraphs)));

  const date = new Date().toISOString();
  const result = {
    date,
    machine: { ...before, loadavgAfter: machine()['loadavg'] },
    repetitions: reps,
    training,
    heldOut: { texts: heldOutTexts.length, basePerplexity, baseMargin },
    generation,
    sample,
    scoring: {
      tokens: scoring.value.tokenCount,
      tokensPerSecond: scoring.value.tokenCount / (scoring.wallMs / 1000),
      basePerplexityOnTrainingCorpus: scoring.value.perplexity,
    },
  };
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${date.replace(/\..*$/, 'Z').replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  print(result);
  console.log(`\nwrote ${file}`);
}

function print(result: {
  training: TrainingRow[];
  heldOut: { basePerplexity: number; baseMargin: { train: number; heldOut: number } };
  generation: { label: string; tokens: number; tokensPerSecond: number }[];
  scoring: { tokens: number; tokensPerSecond: number };
}): void {
  const f = (value: number, digits = 0): string =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    '| run | tokens/epoch | steps | trainer tokens/s (median) | wall s (median) | held-out ppl | vs base |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of result.training) {
    const ppl = row.heldOutPerplexity ?? NaN;
    console.log(
      `| ${row.run} | ${f(row.tokensPerEpoch)} | ${row.steps} | ${f(row.tokensPerSecond)} | ${f(median(row.wallMs) / 1000, 2)} | ${f(ppl, 1)} | ${f((100 * (ppl - result.heldOut.basePerplexity)) / result.heldOut.basePerplexity, 1)} % |`,
    );
  }
  const dpo = result.training.find((row) => row.dpoMargin !== undefined)?.dpoMargin;
  if (dpo !== undefined) {
    const base = result.heldOut.baseMargin;
    console.log(
      `\nDPO mean log-prob margin chosen − rejected: train ${f(base.train, 1)} → ${f(dpo.train, 1)}, held-out ${f(base.heldOut, 1)} → ${f(dpo.heldOut, 1)}`,
    );
  }
  console.log('\n| generation | tokens | tokens/s |');
  console.log('| --- | ---: | ---: |');
  for (const row of result.generation)
    console.log(`| ${row.label} | ${row.tokens} | ${f(row.tokensPerSecond)} |`);
  console.log(
    `\nscoring (perplexity): ${f(result.scoring.tokens)} tokens at ${f(result.scoring.tokensPerSecond)} tokens/s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
