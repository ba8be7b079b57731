import { Command, InvalidArgumentError } from 'commander';
import { corpusChrf, formatChrf, sentenceChrf } from '@llmops/eval-metrics';
import { collect, readSegmentStreams } from './eval-bleu.command';

interface ChrfCliOptions {
  hyp: string;
  ref: string[];
  charOrder: number;
  wordOrder: number;
  beta: number;
  lowercase?: boolean;
  whitespace?: boolean;
  epsSmoothing?: boolean;
  sentence?: boolean;
  json?: boolean;
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

// sacreBLEU's CLI prints one decimal by default.
const WIDTH = 1;

/** `llmops eval chrf`: sacreBLEU-compatible chrF / chrF++ (`--word-order 2`) over line-aligned files. */
export function evalChrfCommand(): Command {
  return new Command('chrf')
    .description('chrF / chrF++ exactly as sacreBLEU 2.x, one segment per line')
    .requiredOption('--hyp <file>', 'hypotheses, one segment per line')
    .option('--ref <file>', 'references aligned with --hyp (repeat for several)', collect, [])
    .option('--char-order <n>', 'character n-gram order', nonNegativeInteger, 6)
    .option('--word-order <n>', 'word n-gram order (2 for chrF++)', nonNegativeInteger, 0)
    .option('--beta <n>', 'recall weight', nonNegativeInteger, 2)
    .option('--lowercase', 'case-insensitive chrF')
    .option('--whitespace', 'keep whitespace in character n-grams')
    .option('--eps-smoothing', 'chrF++.py epsilon smoothing instead of effective order')
    .option('--sentence', 'one score per segment')
    .option('--json', 'print JSON')
    .action((options: ChrfCliOptions) => {
      const streams = readSegmentStreams(options.hyp, options.ref);
      if (!streams) return;
      const settings = {
        charOrder: options.charOrder,
        wordOrder: options.wordOrder,
        beta: options.beta,
        lowercase: options.lowercase ?? false,
        whitespace: options.whitespace ?? false,
        epsSmoothing: options.epsSmoothing ?? false,
      };
      if (options.sentence) {
        const scores = streams.hypotheses.map((hypothesis, i) =>
          sentenceChrf(
            hypothesis,
            streams.references.map((stream) => stream[i] ?? ''),
            settings,
          ),
        );
        if (options.json) {
          const first = scores[0];
          const body = { name: first?.name, signature: first?.signature, scores: scores.map((s) => s.score) };
          process.stdout.write(`${JSON.stringify(body)}\n`);
        } else for (const s of scores) process.stdout.write(`${formatChrf(s, WIDTH)}\n`);
        return;
      }
      const result = corpusChrf(streams.hypotheses, streams.references, settings);
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${formatChrf(result, WIDTH)}\n`);
    });
}
