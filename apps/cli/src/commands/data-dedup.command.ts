import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { NearDuplicateClusterer } from '@llmops/minhash';
import { CliInputError, LineWriter, runCli } from './data-input';

interface DedupOptions {
  in: string;
  field: string;
  idField: string;
  threshold: number;
  numPerm: number;
  ngram: number;
  out: string;
  clusters?: string;
}

const number = (min: number, max: number, integer: boolean) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new InvalidArgumentError(
      `expected ${integer ? 'an integer' : 'a number'} in [${String(min)}, ${String(max)}]`,
    );
  }
  return n;
};

async function* jsonLines(
  file: string,
): AsyncIterable<{ line: number; text: string; value: Record<string, unknown> }> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CliInputError(
        `${file} line ${String(line)}: invalid JSON (${error instanceof Error ? error.message : ''})`,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CliInputError(`${file} line ${String(line)}: expected a JSON object`);
    }
    yield { line, text, value: value as Record<string, unknown> };
  }
}

function field(value: Record<string, unknown>, name: string, file: string, line: number): string {
  const v = value[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new CliInputError(
    `${file} line ${String(line)}: field "${name}" is ${v === undefined ? 'missing' : 'not a string'}`,
  );
}

/**
 * `llmops data dedup`: MinHash LSH near-duplicate removal, bit-identical to datasketch's signatures.
 * Two passes over the file: the first clusters (holding signatures, not texts), the second copies the
 * kept lines verbatim, so memory does not grow with the texts.
 */
export function dataDedupCommand(): Command {
  return new Command('dedup')
    .description('remove near-duplicates from a JSONL file (MinHash + LSH, datasketch-compatible)')
    .requiredOption('--in <file>', 'JSONL input')
    .option('--field <name>', 'text field', 'text')
    .option('--id-field <name>', 'id field', 'id')
    .option('--threshold <n>', 'Jaccard similarity threshold', number(0.01, 0.99, false), 0.8)
    .option('--num-perm <n>', 'permutations (signature length)', number(2, 1024, true), 128)
    .option('--ngram <n>', 'word n-gram size of the shingles', number(1, 50, true), 5)
    .requiredOption('--out <file>', 'kept records (one per cluster plus every unique record)')
    .option('--clusters <file>', 'duplicate clusters, one JSON line {"cluster": n, "ids": [...]} each')
    .action((opts: DedupOptions) =>
      runCli(async () => {
        const clusterer = new NearDuplicateClusterer({
          threshold: opts.threshold,
          numPerm: opts.numPerm,
          ngram: opts.ngram,
        });
        const seen = new Set<string>();
        let records = 0;
        for await (const { line, value } of jsonLines(opts.in)) {
          const id = field(value, opts.idField, opts.in, line);
          if (seen.has(id)) throw new CliInputError(`${opts.in} line ${String(line)}: duplicate id "${id}"`);
          seen.add(id);
          clusterer.add(id, field(value, opts.field, opts.in, line));
          records += 1;
        }
        const { clusters, kept } = clusterer.result();
        const out = new LineWriter(opts.out);
        for await (const { line, text, value } of jsonLines(opts.in)) {
          if (kept.has(field(value, opts.idField, opts.in, line))) await out.write(text);
        }
        await out.close();
        if (opts.clusters) {
          const writer = new LineWriter(opts.clusters);
          for (const cluster of clusters)
            await writer.write(JSON.stringify({ cluster: cluster.cluster, ids: cluster.ids }));
          await writer.close();
        }
        process.stderr.write(
          `${String(records)} records, ${String(kept.size)} kept, ${String(clusters.length)} duplicate clusters (${String(records - kept.size)} removed)\n`,
        );
      }),
    );
}
