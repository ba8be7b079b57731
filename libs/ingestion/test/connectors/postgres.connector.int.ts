import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { FsObjectStore } from '@llmops/storage';
import { ConnectorError } from '../../src/connectors/connector.error';
import type { ConnectorContext } from '../../src/connectors/connector-context';
import { postgresConnector } from '../../src/connectors/postgres.connector';
import type { SourceInput } from '../../src/connectors/source-input';
import { closedPort } from './local-http-server';

const ROWS = 10_000;

/** The stack's database (tools/stack prints DATABASE_URL); these tests never fall back to a fake. */
function stackDatabaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') {
    throw new Error(
      'integration tests need the real stack; start it with: eval "$(bash tools/stack/stack.sh up)"',
    );
  }
  return url;
}

async function sql<R = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as R[];
  } finally {
    await client.end();
  }
}

async function failure(run: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

async function firstRowsInput(
  inputs: AsyncGenerator<SourceInput>,
): Promise<AsyncIterable<Record<string, unknown>>> {
  const first = await inputs.next();
  if (first.done === true || first.value.kind !== 'rows') throw new Error('expected a rows input');
  return first.value.rows;
}

describe('postgresConnector against the stack PostgreSQL', () => {
  const databaseUrl = stackDatabaseUrl();
  // One throwaway schema per run, so parallel or repeated runs never see each other's tables.
  const schema = `it_connectors_${randomBytes(4).toString('hex')}`;
  let ctx: ConnectorContext;
  let created = false;

  beforeAll(async () => {
    await sql(databaseUrl, `CREATE SCHEMA ${schema}`);
    created = true;
    await sql(
      databaseUrl,
      `CREATE TABLE ${schema}.items (id int PRIMARY KEY, text text NOT NULL, meta jsonb)`,
    );
    await sql(
      databaseUrl,
      `INSERT INTO ${schema}.items SELECT g, 'item ' || g, jsonb_build_object('even', g % 2 = 0) FROM generate_series(1, ${ROWS}) g`,
    );
    ctx = {
      signal: new AbortController().signal,
      store: new FsObjectStore({ dir: '/nonexistent-unused' }),
      tmpDir: '/nonexistent-unused',
      env: { LLMOPS_SECRET_TEST_DB: databaseUrl },
    };
  });

  afterAll(async () => {
    if (created) await sql(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
  });

  const open = (config: Record<string, unknown>, context = ctx) =>
    postgresConnector.open({ connectionString: databaseUrl, ...config }, context);

  async function readRows(config: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    for await (const input of open(config)) {
      if (input.kind !== 'rows') throw new Error('expected rows');
      for await (const row of input.rows) rows.push(row);
    }
    return rows;
  }

  /** Connector sessions still open on this run's schema. */
  const sessions = async () =>
    (
      await sql<{ n: string }>(
        databaseUrl,
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE application_name = 'llmops-ingestion-connector' AND query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
        [schema],
      )
    )[0]?.n;

  it('streams 10k rows in batches of 100, in query order, as one rows input', async () => {
    const inputs: SourceInput[] = [];
    let count = 0;
    let last = 0;
    for await (const input of open({
      query: `SELECT id, text, meta FROM ${schema}.items ORDER BY id`,
      batchSize: 100,
    })) {
      inputs.push(input);
      if (input.kind !== 'rows') throw new Error('expected rows');
      for await (const row of input.rows) {
        count += 1;
        expect(row['id']).toBe(last + 1);
        last = row['id'] as number;
      }
    }
    expect(count).toBe(ROWS);
    expect(inputs).toHaveLength(1);
    const dbName = new URL(databaseUrl).pathname.slice(1);
    expect(inputs[0]).toMatchObject({
      kind: 'rows',
      name: expect.stringMatching(new RegExp(`^postgres://.+/${dbName}$`)),
    });
    expect(await sessions()).toBe('0');
  });

  it('reads a secret reference and keeps value types', async () => {
    const rows = await readRows({
      connectionString: { env: 'LLMOPS_SECRET_TEST_DB' },
      query: `WITH x AS (SELECT * FROM ${schema}.items WHERE id <= 2) SELECT * FROM x ORDER BY id`,
    });
    expect(rows).toEqual([
      { id: 1, text: 'item 1', meta: { even: false } },
      { id: 2, text: 'item 2', meta: { even: true } },
    ]);
  });

  it('ends the session when the consumer stops early', async () => {
    const inputs = open({ query: `SELECT * FROM ${schema}.items`, batchSize: 10 });
    const rows = (await firstRowsInput(inputs))[Symbol.asyncIterator]();
    await rows.next();
    expect(await sessions()).toBe('1');
    await rows.return?.();
    await inputs.return();
    expect(await sessions()).toBe('0');
  });

  it('stops streaming when the run is cancelled', async () => {
    const run = new AbortController();
    const inputs = open(
      { query: `SELECT * FROM ${schema}.items`, batchSize: 10 },
      { ...ctx, signal: run.signal },
    );
    const rows = await firstRowsInput(inputs);
    const consumed = (async () => {
      let n = 0;
      for await (const _row of rows) {
        n += 1;
        if (n === 50) run.abort(new Error('cancelled by test'));
      }
    })();
    await expect(consumed).rejects.toThrow('cancelled by test');
    await inputs.return();
    expect(await sessions()).toBe('0');
  });

  it('rejects a statement that is not a SELECT before connecting', async () => {
    const error = await failure(readRows({ query: `DELETE FROM ${schema}.items` }));
    expect(error).toMatchObject({ code: 'query-not-read-only', field: 'query' });
  });

  it('rejects a write hidden in a CTE through the READ ONLY transaction', async () => {
    const error = await failure(
      readRows({ query: `WITH d AS (DELETE FROM ${schema}.items RETURNING id) SELECT * FROM d` }),
    );
    expect(error).toMatchObject({ code: 'query-not-read-only', field: 'query' });
    expect(error.message).toContain('read-only transaction');
    expect(await sql(databaseUrl, `SELECT count(*)::int AS n FROM ${schema}.items`)).toEqual([{ n: ROWS }]);
  });

  it('rejects writes through functions and attempts to leave read-only mode', async () => {
    await sql(databaseUrl, `CREATE SEQUENCE ${schema}.seq`);
    expect(await failure(readRows({ query: `SELECT nextval('${schema}.seq')` }))).toMatchObject({
      code: 'query-not-read-only',
    });
    const escape = await failure(
      readRows({ query: "SELECT set_config('transaction_read_only', 'off', true)" }),
    );
    expect(['query-not-read-only', 'query-failed']).toContain(escape.code);
  });

  it('reports a syntax error as query-failed with PostgreSQL’s message, from open', async () => {
    const inputs = open({ query: 'SELECT * FROM WHERE' });
    const error = await failure(inputs.next());
    expect(error).toMatchObject({ code: 'query-failed', field: 'query' });
    expect(error.message).toContain('syntax error at or near "WHERE"');
    const missing = await failure(readRows({ query: `SELECT * FROM ${schema}.nope` }));
    expect(missing.message).toContain(`relation "${schema}.nope" does not exist`);
  });

  it('enforces statementTimeoutMs', async () => {
    const error = await failure(readRows({ query: 'SELECT pg_sleep(5)', statementTimeoutMs: 200 }));
    expect(error).toMatchObject({ code: 'timeout', field: 'statementTimeoutMs' });
  });

  it('reports a server that cannot be reached as connect-failed', async () => {
    const port = await closedPort();
    const error = await failure(
      readRows({ connectionString: `postgres://nobody:secret@127.0.0.1:${port}/db`, query: 'SELECT 1' }),
    );
    expect(error).toMatchObject({ code: 'connect-failed', field: 'connectionString' });
    expect(error.message).not.toContain('secret');
  });

  it('reports a secret reference that is not set', async () => {
    const error = await failure(
      readRows({ connectionString: { env: 'LLMOPS_SECRET_MISSING' }, query: 'SELECT 1' }),
    );
    expect(error).toMatchObject({ code: 'secret-not-set', field: 'connectionString' });
  });
});
