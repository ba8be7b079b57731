import { Readable } from 'node:stream';

import { readRecords } from './read-records';

const MiB = 1024 * 1024;
const WORDS =
  'the order invoice refund parcel delivery account password reset billing card support agent customer help'.split(
    ' ',
  );

/** About 1 MiB of varied support-style JSONL lines, repeated to make a large input without holding it. */
function block(): Buffer {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < MiB; i++) {
    const words = (n: number) =>
      Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
    const line = JSON.stringify({
      id: `r${i}`,
      prompt: `${words(12 + (i % 20))}?`,
      completion: `${words(30 + (i % 60))}.`,
      lang: 'en',
      score: (i % 10) / 10,
    });
    lines.push(line);
    bytes += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n');
}

function* synthetic(totalBytes: number, chunkBytes = 64 * 1024): Generator<Buffer> {
  const data = block();
  for (let sent = 0; sent < totalBytes; sent += data.length) {
    for (let i = 0; i < data.length; i += chunkBytes) yield data.subarray(i, i + chunkBytes);
  }
}

describe('readRecords memory and throughput', () => {
  it('streams 200 MiB of JSONL with bounded heap', async () => {
    const total = 200 * MiB;
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let records = 0;
    const started = process.hrtime.bigint();
    for await (const result of readRecords(Readable.from(synthetic(total)), { fileName: 'big.jsonl' })) {
      if ('record' in result) records++;
      if (records % 20000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = process.memoryUsage().rss;
    process.stdout.write(
      `readRecords: ${records} records, ${(total / MiB / seconds).toFixed(0)} MiB/s, heap peak +${(peak / MiB).toFixed(0)} MiB, rss ${(rss / MiB).toFixed(0)} MiB\n`,
    );
    expect(records).toBeGreaterThan(300_000);
    // A leak would keep ~records; bounded reading keeps a few chunks plus garbage not yet collected.
    expect(peak).toBeLessThan(150 * MiB);
  }, 30_000);
});
