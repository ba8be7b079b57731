/**
 * Postgres source: streams the rows of one read-only query as a single `rows` input.
 *
 * The query must be one SELECT/WITH statement (checked before connecting) and runs inside
 * `BEGIN READ ONLY` with a `statement_timeout`, so neither a data-modifying CTE nor a function with
 * side effects can write. Rows come from a server-side cursor (pg-query-stream) `batchSize` at a time
 * and are never all in memory. The first batch is fetched before the input is yielded, so a bad query
 * fails from `open`, with PostgreSQL's message, rather than from the middle of a read.
 *
 * Values arrive as node-postgres parses them: int8 and numeric as strings, timestamps as Date,
 * json as objects, bytea as Buffer.
 */
import { Client } from 'pg';
import QueryStream from 'pg-query-stream';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { errorCode, errorMessage } from './error-details';
import { PostgresSourceConfigSchema, type PostgresSourceConfig } from './postgres.config';
import { assertReadOnlyQuery } from './read-only-query';
import { valueOrSecret } from './secret-ref';
import { defineConnector } from './source-connector';
import type { SourceInput } from './source-input';

type Row = Record<string, unknown>;

// SQLSTATEs the connector explains rather than passing on as a generic failure.
const READ_ONLY_VIOLATION = '25006';
const QUERY_CANCELED = '57014';

export const postgresConnector = defineConnector('postgres', PostgresSourceConfigSchema, openPostgresSource);

export async function* openPostgresSource(
  config: PostgresSourceConfig,
  ctx: ConnectorContext,
): AsyncGenerator<SourceInput, void, undefined> {
  ctx.signal.throwIfAborted();
  assertReadOnlyQuery(config.query);
  const client = new Client({
    connectionString: valueOrSecret(config.connectionString, 'connectionString', ctx.env),
    connectionTimeoutMillis: config.connectTimeoutMs,
    application_name: 'llmops-ingestion-connector',
  });
  // A failed connection may still emit 'error' later; without a listener that would crash the process.
  client.on('error', () => undefined);
  const read = { finished: false };
  try {
    await connect(client, ctx.signal);
    await client.query('BEGIN READ ONLY');
    await client.query("SELECT set_config('statement_timeout', $1, true)", [
      String(config.statementTimeoutMs),
    ]);
    const stream = client.query(new QueryStream(config.query, [], { batchSize: config.batchSize }));
    const rows = (stream as AsyncIterable<Row>)[Symbol.asyncIterator]();
    const first = await nextRow(rows, ctx.signal);
    const where = `postgres://${client.host}:${client.port}/${client.database ?? ''}`;
    yield {
      kind: 'rows',
      name: where,
      uri: where,
      rows: remainingRows(first, rows, ctx.signal, () => {
        read.finished = true;
      }),
    };
    if (read.finished) await client.query('COMMIT');
  } finally {
    // Ending the session rolls back whatever is still open (an abandoned cursor, a failed query); with
    // a batch still in flight it drops the socket rather than wait for it.
    await client.end().catch(() => undefined);
  }
}

async function connect(client: Client, signal: AbortSignal): Promise<void> {
  try {
    await untilAborted(client.connect(), signal);
  } catch (error) {
    signal.throwIfAborted();
    throw new ConnectorError('connect-failed', `could not connect to PostgreSQL: ${errorMessage(error)}`, {
      field: 'connectionString',
      cause: error,
    });
  }
}

async function nextRow(rows: AsyncIterator<Row>, signal: AbortSignal): Promise<IteratorResult<Row>> {
  try {
    return await untilAborted(rows.next(), signal);
  } catch (error) {
    signal.throwIfAborted();
    throw queryFailure(error);
  }
}

async function* remainingRows(
  first: IteratorResult<Row>,
  rows: AsyncIterator<Row>,
  signal: AbortSignal,
  onEnd: () => void,
): AsyncGenerator<Row, void, undefined> {
  for (let next = first; next.done !== true; next = await nextRow(rows, signal)) {
    signal.throwIfAborted();
    yield next.value;
  }
  // A cancelled cursor can end quietly instead of failing; that is not the end of the rows.
  signal.throwIfAborted();
  onEnd();
}

function queryFailure(error: unknown): ConnectorError {
  const code = errorCode(error);
  const reason = errorMessage(error);
  if (code === READ_ONLY_VIOLATION) {
    return new ConnectorError('query-not-read-only', `query tried to write: ${reason}`, {
      field: 'query',
      cause: error,
    });
  }
  if (code === QUERY_CANCELED) {
    return new ConnectorError('timeout', `query ran past statementTimeoutMs: ${reason}`, {
      field: 'statementTimeoutMs',
      cause: error,
    });
  }
  return new ConnectorError('query-failed', `query failed: ${reason}`, { field: 'query', cause: error });
}

/**
 * `work`, or the signal's reason as soon as it aborts. A cancelled cursor only settles once the server
 * answers its Close, which a busy server may not do for a long time; the session is ended instead.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(abortReason(signal));
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function abortReason(signal: AbortSignal): Error {
  try {
    signal.throwIfAborted();
  } catch (error) {
    return error as Error;
  }
  return new Error('aborted');
}
