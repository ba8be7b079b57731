import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import {
  ROUGE_TYPES,
  isRougeType,
  scoreRougeCorpus,
  type RougePair,
  type RougeScores,
  type RougeType,
} from '@llmops/eval-metrics';

/** Bad input the user can fix: printed as one line on stderr with exit code 2, never a stack trace. */
class RougeInputError extends Error {}

function parsePairLine(line: string, lineNumber: number): RougePair {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new RougeInputError(`line ${String(lineNumber)}: invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RougeInputError(
      `line ${String(lineNumber)}: expected an object {"hyp": "...", "refs": ["..."]}`,
    );
  }
  const { hyp, refs } = value as { hyp?: unknown; refs?: unknown };
  if (typeof hyp !== 'string')
    throw new RougeInputError(`line ${String(lineNumber)}: "hyp" must be a string`);
  if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r): r is string => typeof r === 'string')) {
    throw new RougeInputError(`line ${String(lineNumber)}: "refs" must be a non-empty array of strings`);
  }
  return { hyp, refs };
}

/** One pair per non-blank line; line numbers count every line so they match the editor's. */
function parsePairs(text: string, file: string): RougePair[] {
  const pairs: RougePair[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim().length > 0) pairs.push(parsePairLine(line, index + 1));
  });
  if (pairs.length === 0)
    throw new RougeInputError(`${file} has no pairs (expected one JSON object per line)`);
  return pairs;
}

function parseTypes(list: string): RougeType[] {
  const names = list
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const unknown = names.filter((t) => !isRougeType(t));
  if (unknown.length > 0 || names.length === 0) {
    throw new RougeInputError(
      `--types: expected a comma-separated subset of ${ROUGE_TYPES.join(',')}, got "${list}"`,
    );
  }
  return names.filter(isRougeType);
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new RougeInputError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

const formatRows = (label: string, scores: RougeScores, types: readonly RougeType[]): string =>
  types
    .map((type) => {
      const s = scores[type];
      return s
        ? `${label}\t${type}\t${s.precision.toFixed(6)}\t${s.recall.toFixed(6)}\t${s.fmeasure.toFixed(6)}\n`
        : '';
    })
    .join('');

interface EvalRougeOptions {
  jsonl: string;
  stemmer?: boolean;
  types: string;
  json?: boolean;
}

function runEvalRouge(options: EvalRougeOptions): void {
  const types = parseTypes(options.types);
  const pairs = parsePairs(readInput(options.jsonl), options.jsonl);
  const useStemmer = options.stemmer === true;
  const report = scoreRougeCorpus(pairs, { types, useStemmer });
  if (options.json) {
    const body = { types, stemmer: useStemmer, count: pairs.length, mean: report.mean, pairs: report.pairs };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  let out = 'pair\ttype\tprecision\trecall\tfmeasure\n';
  report.pairs.forEach((scores, i) => (out += formatRows(String(i + 1), scores, types)));
  process.stdout.write(out + formatRows('mean', report.mean, types));
}

/** `llmops eval rouge --jsonl pairs.jsonl`: ROUGE per pair (best reference, as score_multi) and the mean. */
export function evalRougeCommand(): Command {
  return new Command('rouge')
    .description('ROUGE-1/2/L/Lsum exactly as Google rouge-score, per pair and mean')
    .requiredOption('--jsonl <file>', 'pairs, one {"hyp": "...", "refs": ["..."]} per line')
    .option('--stemmer', 'Porter-stem tokens longer than 3 characters (rouge-score use_stemmer=True)')
    .option('--types <list>', 'comma-separated ROUGE types', ROUGE_TYPES.join(','))
    .option('--json', 'print JSON')
    .action((options: EvalRougeOptions) => {
      try {
        runEvalRouge(options);
      } catch (error) {
        if (!(error instanceof RougeInputError)) throw error;
        process.stderr.write(`llmops: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
