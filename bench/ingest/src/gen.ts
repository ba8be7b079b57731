// Writes the benchmark corpora once: node gen.js --out=DIR --size-mb=200 --rss-gib=1 --profile-mb=50 --seed=42
// One stream of documents cut at up to three sizes, so every input has the same mix: `throughput.jsonl`
// (SIZE_MB × 10^6 bytes), `rss.jsonl` (RSS_GIB × 2^30 bytes) and `profile.jsonl` (PROFILE_MB × 10^6 bytes)
// are prefixes of the longest. A size of 0 skips that file.
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { args, required, type CorpusFileMeta, type CorpusMeta } from './common';
import { LINE_KINDS, WebCorpus, type CorpusLine, type LineKind } from './corpus';

const a = args(process.argv.slice(2));
const out = required(a, 'out');
const seed = Number(a.get('seed') ?? '42');
const throughputBytes = Math.round(Number(a.get('size-mb') ?? '200') * 1e6);
const rssBytes = Math.round(Number(a.get('rss-gib') ?? '1') * 1024 ** 3);
const profileBytes = Math.round(Number(a.get('profile-mb') ?? '0') * 1e6);

/** Collects one file's statistics while its lines are written. */
class FileStats {
  bytes = 0;
  lines = 0;
  readonly kinds = Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as Record<LineKind, number>;
  pii = 0;
  html = 0;
  private readonly chars: number[] = [];

  constructor(readonly file: string) {}

  add(line: CorpusLine, bytes: number): void {
    this.bytes += bytes;
    this.lines++;
    this.kinds[line.kind]++;
    if (line.pii) this.pii++;
    if (line.html) this.html++;
    if (line.kind !== 'malformed-json') this.chars.push(line.textChars);
  }

  meta(): CorpusFileMeta {
    const sorted = Float64Array.from(this.chars).sort();
    const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const sum = sorted.reduce((s, x) => s + x, 0);
    return {
      file: this.file,
      bytes: this.bytes,
      lines: this.lines,
      kinds: this.kinds,
      pii: this.pii,
      html: this.html,
      textChars: {
        mean: sum / Math.max(1, sorted.length),
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: sorted[sorted.length - 1] ?? 0,
      },
    };
  }
}

/** A file written in ~1 MB pieces, waiting for the disk when its buffer is full. */
class BatchedFile {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(line: string): Promise<void> {
    this.pending.push(line, '\n');
    this.pendingChars += line.length + 1;
    if (this.pendingChars >= 1 << 20) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) =>
        this.stream.once('drain', () => {
          resolve();
        }),
      );
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const corpus = new WebCorpus(seed);
  const targets = [
    { name: 'throughput', bytes: throughputBytes },
    { name: 'rss', bytes: rssBytes },
    { name: 'profile', bytes: profileBytes },
  ].filter((t) => t.bytes > 0);
  const files = targets.map((t) => ({
    ...t,
    writer: new BatchedFile(join(out, `${t.name}.jsonl`)),
    stats: new FileStats(`${t.name}.jsonl`),
  }));
  const largest = Math.max(...targets.map((t) => t.bytes));
  let written = 0;
  let nextReport = 100e6;
  while (written < largest) {
    const line = corpus.next();
    const bytes = Buffer.byteLength(line.line) + 1;
    for (const f of files) {
      if (f.stats.bytes >= f.bytes) continue;
      f.stats.add(line, bytes);
      await f.writer.write(line.line);
    }
    written += bytes;
    if (written >= nextReport) {
      process.stderr.write(`  generated ${(written / 1e6).toFixed(0)} MB\n`);
      nextReport += 100e6;
    }
  }
  for (const f of files) await f.writer.close();
  const meta: CorpusMeta = {
    seed,
    generatorSeconds: (performance.now() - started) / 1000,
    files: Object.fromEntries(files.map((f) => [f.name, f.stats.meta()])),
  };
  writeFileSync(join(out, 'meta.json'), JSON.stringify(meta, null, 2));
  for (const f of files) {
    const m = f.stats.meta();
    process.stderr.write(
      `corpus ${m.file}: ${(m.bytes / 1e6).toFixed(1)} MB, ${m.lines} lines, ` +
        `${Object.entries(m.kinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}; text chars mean ${m.textChars.mean.toFixed(0)}, p50 ${m.textChars.p50}\n`,
    );
  }
  process.stderr.write(`generated in ${meta.generatorSeconds.toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
