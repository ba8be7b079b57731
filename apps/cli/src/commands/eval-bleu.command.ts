import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import {
  BLEU_SMOOTH_METHODS,
  BLEU_TOKENIZERS,
  type BleuSmoothMethod,
  type BleuTokenizerName,
  corpusBleu,
  formatBleu,
  segmentLines,
  sentenceBleu,
} from '@llmops/eval-metrics';

/** Segments of one hypothesis file and its reference files, checked to line up. */
export interface SegmentStreams {
  hypotheses: string[];
  references: string[][];
}

function readSegments(file: string): string[] {
  return segmentLines(readFileSync(file, 'utf8'));
}

/** Reads and checks the files; on bad input writes the reason to stderr, sets exit code 2, returns null. */
export function readSegmentStreams(hypFile: string, refFiles: readonly string[]): SegmentStreams | null {
  const fail = (message: string): null => {
    process.stderr.write(`llmops: ${message}\n`);
    process.exitCode = 2;
    return null;
  };
  if (refFiles.length === 0) return fail('at least one --ref file is required');
  let hypotheses: string[];
  let references: string[][];
  try {
    hypotheses = readSegments(hypFile);
    references = refFiles.map(readSegments);
  } catch (error: unknown) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  // sacreBLEU refuses an empty system output rather than scoring it.
  if (hypotheses.length === 0) return fail(`${hypFile} has no segments`);
  for (const [index, stream] of references.entries())
    if (stream.length !== hypotheses.length)
      return fail(
        `${hypFile} has ${hypotheses.length} lines but ${refFiles[index] ?? ''} has ${stream.length}`,
      );
  return { hypotheses, references };
}

/** Commander's way to make `--ref` repeatable. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface BleuCliOptions {
  hyp: string;
  ref: string[];
  tokenize: BleuTokenizerName;
  lowercase?: boolean;
  smooth: BleuSmoothMethod;
  sentence?: boolean;
  json?: boolean;
}

// sacreBLEU's CLI prints one decimal by default.
const WIDTH = 1;

/** `llmops eval bleu`: sacreBLEU-compatible BLEU over line-aligned files, offline. */
export function evalBleuCommand(): Command {
  return new Command('bleu')
    .description('BLEU exactly as sacreBLEU 2.x, one segment per line')
    .requiredOption('--hyp <file>', 'hypotheses, one segment per line')
    .option('--ref <file>', 'references aligned with --hyp (repeat for several)', collect, [])
    .addOption(new Option('--tokenize <name>', 'tokenizer').choices(BLEU_TOKENIZERS).default('13a'))
    .option('--lowercase', 'case-insensitive BLEU')
    .addOption(new Option('--smooth <method>', 'smoothing').choices(BLEU_SMOOTH_METHODS).default('exp'))
    .option('--sentence', 'one score per segment (effective order on, as sacreBLEU)')
    .option('--json', 'print JSON')
    .action((options: BleuCliOptions) => {
      const streams = readSegmentStreams(options.hyp, options.ref);
      if (!streams) return;
      const settings = {
        tokenize: options.tokenize,
        lowercase: options.lowercase ?? false,
        smooth: options.smooth,
      };
      if (options.sentence) {
        const scores = streams.hypotheses.map((hypothesis, i) =>
          sentenceBleu(
            hypothesis,
            streams.references.map((stream) => stream[i] ?? ''),
            settings,
          ),
        );
        if (options.json) {
          const signature = scores[0]?.signature ?? '';
          const body = { name: 'BLEU', signature, scores: scores.map((s) => s.score) };
          process.stdout.write(`${JSON.stringify(body)}\n`);
        } else for (const s of scores) process.stdout.write(`${formatBleu(s, WIDTH)}\n`);
        return;
      }
      const result = corpusBleu(streams.hypotheses, streams.references, settings);
      process.stdout.write(
        options.json ? `${JSON.stringify({ name: 'BLEU', ...result })}\n` : `${formatBleu(result, WIDTH)}\n`,
      );
    });
}
