import { gunzipSync, gzipSync } from 'node:zlib';
import { createObjectStore, parseStorageConfig, type ObjectStore } from '@llmops/storage';
import type { StackEnv } from '@llmops/testing';

/** The platform's object store as the services see it (S3Proxy from tools/stack). */
export function stackStore(stack: StackEnv): ObjectStore {
  return createObjectStore(
    parseStorageConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: stack.S3_ENDPOINT,
      S3_ACCESS_KEY: stack.S3_ACCESS_KEY,
      S3_SECRET_KEY: stack.S3_SECRET_KEY,
      S3_BUCKET: stack.S3_BUCKET,
      S3_REGION: stack.S3_REGION,
    }),
  );
}

export const keyOf = (uri: string) => uri.replace(/^s3:\/\/[^/]+\//, '');

/** Every record line of a version's shards, read back through the verifying store. */
export async function readVersionRecords(
  store: ObjectStore,
  manifestUri: string,
): Promise<{ split: string; record: { id: string; content: Record<string, unknown> } }[]> {
  const manifest = JSON.parse((await store.getBuffer(keyOf(manifestUri))).toString('utf8')) as {
    shards: { uri: string; split: string; sha256: string }[];
  };
  const out: { split: string; record: { id: string; content: Record<string, unknown> } }[] = [];
  for (const shard of manifest.shards) {
    const text = gunzipSync(await store.getBuffer(keyOf(shard.uri))).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.trim()) out.push({ split: shard.split, record: JSON.parse(line) as never });
    }
  }
  return out;
}

const WORDS = (
  'the of and to in is that for it as with was on be by this are from at or an have not they which ' +
  'system data model team latency request cluster node storage index query stream record batch shard ' +
  'measure change grow write careful note trade plain number unique partition replica leader broker ' +
  'commit offset schema table column value result report review people customer support answer ' +
  'question product order ticket refund account network server client memory disk cache queue worker'
).split(' ');

/** A paragraph of plain English-like prose, different for every `i` (no shared 13-grams between two). */
export function paragraph(i: number): string {
  let state = (i + 1) * 2654435761;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const sentences: string[] = [];
  for (let s = 0; s < 5; s++) {
    const words = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length] ?? 'data');
    sentences.push(`${words.join(' ')} ${i * 7 + s}.`);
  }
  const text = sentences.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
export { gzipSync };
