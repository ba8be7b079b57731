import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@llmops/storage';
import type { ConnectorContext } from '../../src/connectors/connector-context';
import type { SourceInput } from '../../src/connectors/source-input';

/** A context over a fresh temp dir (scratch space and an fs object store); `cleanup` removes both. */
export async function newConnectorContext(
  overrides: Partial<ConnectorContext> = {},
): Promise<{ ctx: ConnectorContext; root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'llmops-connector-'));
  const store = new FsObjectStore({ dir: join(root, 'objects'), bucket: 'test-bucket' });
  await store.ensureReady();
  const ctx: ConnectorContext = {
    signal: new AbortController().signal,
    store,
    tmpDir: join(root, 'tmp'),
    ...overrides,
  };
  await mkdir(ctx.tmpDir, { recursive: true });
  return { ctx, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Every input with its body read whole (tests only: inputs are small). */
export async function drain(
  inputs: AsyncIterable<SourceInput>,
): Promise<{ input: SourceInput; text: string; rows: Record<string, unknown>[] }[]> {
  const out: { input: SourceInput; text: string; rows: Record<string, unknown>[] }[] = [];
  for await (const input of inputs) {
    if (input.kind === 'bytes') {
      const chunks: Buffer[] = [];
      for await (const chunk of input.body) chunks.push(chunk);
      out.push({ input, text: Buffer.concat(chunks).toString('utf8'), rows: [] });
    } else {
      const rows: Record<string, unknown>[] = [];
      for await (const row of input.rows) rows.push(row);
      out.push({ input, text: '', rows });
    }
  }
  return out;
}
