import { Command } from 'commander';
import { curate } from '@llmops/curation';
import { readRecords } from '@llmops/data-formats';
import { loadRecipe, openInput, runCli } from './data-input';

/** `llmops data profile`: the profile a dataset version gets, for a local file. */
export function dataProfileCommand(): Command {
  return new Command('profile')
    .description('profile a file (lengths, tokens, languages, n-grams, fields) as JSON on stdout')
    .requiredOption('--in <file>', 'input: JSONL, JSON, CSV, TSV, Parquet, text or Markdown, optionally .gz')
    .option('--recipe <file>', 'clean with this recipe first (the profile then shows what it dropped)')
    .action((opts: { in: string; recipe?: string }) =>
      runCli(async () => {
        const recipe = loadRecipe(opts.recipe);
        const result = await curate(
          readRecords(openInput(opts.in), {
            fileName: opts.in,
            ...(recipe.mapping ? { mapping: recipe.mapping } : {}),
          }),
          { recipe, onKept: () => undefined },
        );
        process.stdout.write(`${JSON.stringify(result.profile, null, 2)}\n`);
      }),
    );
}
