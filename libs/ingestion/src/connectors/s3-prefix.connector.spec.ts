import { drain, newConnectorContext } from '../../test/connectors/connector-test-context';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { s3PrefixConnector } from './s3-prefix.connector';
import { S3PrefixSourceConfigSchema } from './s3-prefix.config';

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('s3PrefixConnector (against an fs object store)', () => {
  let ctx: ConnectorContext;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ ctx, cleanup } = await newConnectorContext());
    await ctx.store.put('imports/team-a/b.csv', 'a,b\n1,2\n', { contentType: 'text/csv' });
    await ctx.store.put('imports/team-a/a.jsonl', '{"text":"x"}\n');
    await ctx.store.put('imports/team-a/nested/c.jsonl', '{"text":"y"}\n');
    await ctx.store.put('imports/team-ab/other.jsonl', '{"text":"not mine"}\n');
  });

  afterAll(() => cleanup());

  const read = (config: Record<string, unknown>) => drain(s3PrefixConnector.open(config, ctx));

  it('yields every object under the prefix in key order, named relative to it', async () => {
    const files = await read({ prefix: 'imports/team-a/' });
    expect(files.map(({ input }) => input.name)).toEqual(['a.jsonl', 'b.csv', 'nested/c.jsonl']);
    expect(files.map(({ text }) => text)).toEqual(['{"text":"x"}\n', 'a,b\n1,2\n', '{"text":"y"}\n']);
    expect(files[1]?.input).toEqual(
      expect.objectContaining({ contentType: 'text/csv', uri: 's3://test-bucket/imports/team-a/b.csv' }),
    );
    // Untyped objects leave the format to the file name.
    expect(files[0]?.input).not.toHaveProperty('contentType');
  });

  it('filters by include globs', async () => {
    const files = await read({ prefix: 'imports/team-a/', include: ['*.jsonl'] });
    expect(files.map(({ input }) => input.name)).toEqual(['a.jsonl']);
  });

  it('fails with s3-prefix-empty for an empty prefix, and names include when only the globs miss', async () => {
    expect(await failure(read({ prefix: 'imports/nobody/' }))).toMatchObject({
      code: 's3-prefix-empty',
      field: 'prefix',
    });
    expect(await failure(read({ prefix: 'imports/team-a/', include: ['*.parquet'] }))).toMatchObject({
      code: 's3-prefix-empty',
      field: 'include',
    });
  });

  it('fails before reading when more than maxObjects match', async () => {
    const error = await failure(read({ prefix: 'imports/team-a/', maxObjects: 2 }));
    expect(error).toMatchObject({ code: 'input-too-large', field: 'maxObjects' });
  });

  it('stops when the run is cancelled', async () => {
    const run = new AbortController();
    run.abort(new Error('cancelled'));
    await expect(
      drain(s3PrefixConnector.open({ prefix: 'imports/team-a/' }, { ...ctx, signal: run.signal })),
    ).rejects.toThrow('cancelled');
  });

  it.each(['imports/team-a', '/imports/', '../imports/', 'imports/../x/', '.llmops/meta/', ''])(
    'rejects prefix %j',
    (prefix) => {
      expect(S3PrefixSourceConfigSchema.safeParse({ prefix }).success).toBe(false);
    },
  );
});
