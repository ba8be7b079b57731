import { Command, Option } from 'commander';
import { curate } from '@llmops/curation';
import { readRecords, serializeRecord, type ReadFormat } from '@llmops/data-formats';
import { LineWriter, loadRecipe, openInput, runCli } from './data-input';

const FORMATS = ['auto', 'jsonl', 'json', 'csv', 'tsv', 'parquet', 'text', 'markdown'];

/** `llmops data clean`: the service's curation loop, offline, from a file to a JSONL file. */
export function dataCleanCommand(): Command {
  return new Command('clean')
    .description('clean a file with a recipe (the same code the ingestion service runs)')
    .requiredOption('--in <file>', 'input: JSONL, JSON, CSV, TSV, Parquet, text or Markdown, optionally .gz')
    .option('--recipe <file>', 'recipe (JSON or YAML); without one records are only validated')
    .requiredOption('--out <file>', 'kept records as JSONL (gzip when it ends in .gz)')
    .option('--rejects <file>', 'write a sample of rejected input lines (JSONL) here')
    .addOption(new Option('--format <format>', 'input format').choices(FORMATS).default('auto'))
    .action((opts: { in: string; recipe?: string; out: string; rejects?: string; format: string }) =>
      runCli(async () => {
        const recipe = loadRecipe(opts.recipe);
        const out = new LineWriter(opts.out);
        const items = readRecords(openInput(opts.in), {
          fileName: opts.in,
          format: opts.format as ReadFormat,
          ...(recipe.mapping ? { mapping: recipe.mapping } : {}),
        });
        let result;
        try {
          result = await curate(items, {
            recipe,
            profile: false,
            onKept: (record) => out.write(serializeRecord(record)),
          });
        } finally {
          await out.close();
        }
        if (opts.rejects) {
          const rejects = new LineWriter(opts.rejects);
          await rejects.write(result.rejects.toJsonl().trimEnd());
          await rejects.close();
        }
        const dropped = Object.entries(result.cleaning.droppedByReason).concat(
          Object.entries(result.rejects.counts()),
        );
        process.stderr.write(
          `read ${String(result.read)}, kept ${String(result.kept)}` +
            (dropped.length > 0
              ? `, dropped ${dropped.map(([r, n]) => `${r}=${String(n)}`).join(' ')}`
              : '') +
            ` (${result.seconds.toFixed(2)} s)\n`,
        );
        for (const reject of result.rejects.samples().slice(0, 10)) {
          process.stderr.write(`  ${reject.message}\n`);
        }
      }),
    );
}
