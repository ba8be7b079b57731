import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { formatRecipeIssues, RecipeSchema, type Recipe } from '@llmops/data-cleaning';

/** A CLI input problem: printed as `llmops: <message>` with exit code 2 (bad input, not a crash). */
export class CliInputError extends Error {}

/** Reads and validates a recipe file (JSON or YAML), naming every bad path. */
export function loadRecipe(file: string | undefined): Recipe {
  if (!file) return RecipeSchema.parse({ steps: [] });
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new CliInputError(
      `cannot read recipe ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = RecipeSchema.safeParse(raw);
  if (!result.success) {
    throw new CliInputError(`recipe ${file} is invalid:\n  ${formatRecipeIssues(result.error).join('\n  ')}`);
  }
  return result.data;
}

export function openInput(file: string): AsyncIterable<Buffer> {
  return createReadStream(file);
}

/** A line writer to a file (gzip when it ends in `.gz`) that respects back-pressure. */
export class LineWriter {
  private readonly out: Writable;
  private readonly file: Writable;

  constructor(path: string) {
    this.file = createWriteStream(path);
    if (path.endsWith('.gz')) {
      const gzip = createGzip();
      gzip.pipe(this.file);
      this.out = gzip;
    } else {
      this.out = this.file;
    }
  }

  async write(line: string): Promise<void> {
    if (!this.out.write(`${line}\n`)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.file, 'close');
  }
}

/** Runs a command body, turning input problems into `llmops: …` on stderr and exit code 2. */
export async function runCli(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const input =
      error instanceof CliInputError ||
      (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string');
    process.stderr.write(`llmops: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = input ? 2 : 1;
  }
}
