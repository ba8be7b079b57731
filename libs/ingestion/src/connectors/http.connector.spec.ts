import { gzipSync } from 'node:zlib';
import { closedPort, LocalHttpServer } from '../../test/connectors/local-http-server';
import { drain, newConnectorContext } from '../../test/connectors/connector-test-context';
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { openHttpSource } from './http.connector';
import { HttpSourceConfigSchema } from './http.config';

const JSONL = '{"text":"a"}\n{"text":"b"}\n';
const CHUNK = Buffer.alloc(64 * 1024, 'x');

describe('openHttpSource', () => {
  let server: LocalHttpServer;
  let other: LocalHttpServer;
  let ctx: ConnectorContext;
  let cleanup: () => Promise<void>;
  // What /endless managed to send before the client went away.
  let endless: { sent: number; closed: Promise<void> };
  const seenAuthorization: (string | undefined)[] = [];

  beforeAll(async () => {
    other = await LocalHttpServer.start((req, res) => {
      seenAuthorization.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('elsewhere');
    });
    server = await LocalHttpServer.start((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      switch (path) {
        case '/data.jsonl':
          seenAuthorization.push(req.headers.authorization);
          res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' }).end(JSONL);
          return;
        case '/export':
          res
            .writeHead(200, {
              'content-type': 'text/csv',
              'content-disposition': 'attachment; filename="../rows.csv"',
            })
            .end('a,b\n1,2\n');
          return;
        case '/missing':
          res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
          return;
        case '/page':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
          return;
        case '/declared-huge':
          res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024) });
          res.write(CHUNK);
          return;
        case '/gzip-bomb':
          res
            .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
            .end(gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a')));
          return;
        case '/endless': {
          let closedResolve!: () => void;
          endless = { sent: 0, closed: new Promise((resolve) => (closedResolve = resolve)) };
          res.writeHead(200, { 'content-type': 'text/plain' });
          const timer = setInterval(() => {
            res.write(CHUNK);
            endless.sent += CHUNK.length;
          }, 2);
          res.on('close', () => {
            clearInterval(timer);
            closedResolve();
          });
          return;
        }
        case '/no-headers':
          return; // never answers
        case '/stall-body':
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write('first chunk');
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' }).end();
          return;
        case '/hop':
          res.writeHead(301, { location: '/data.jsonl' }).end();
          return;
        case '/to-ftp':
          res.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end();
          return;
        case '/to-other':
          res.writeHead(307, { location: other.url('/x.txt') }).end();
          return;
        default:
          res.writeHead(500).end();
      }
    });
  });

  afterAll(async () => {
    await server.stop();
    await other.stop();
  });

  beforeEach(async () => {
    seenAuthorization.length = 0;
    ({ ctx, cleanup } = await newConnectorContext({
      env: { LLMOPS_SECRET_TOKEN: 'Bearer s3cret' },
    }));
  });

  afterEach(() => cleanup());

  const open = (input: Record<string, unknown>, context = ctx) =>
    openHttpSource(HttpSourceConfigSchema.parse(input), context);

  async function failure(input: Record<string, unknown>, context = ctx): Promise<ConnectorError> {
    const error: unknown = await drain(open(input, context)).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof ConnectorError))
      throw new Error(`expected a ConnectorError, got ${String(error)}`);
    return error;
  }

  it('streams an allowed file with its name, media type and final URL', async () => {
    const [first, ...rest] = await drain(open({ url: server.url('/data.jsonl') }));
    expect(rest).toEqual([]);
    expect(first?.text).toBe(JSONL);
    expect(first?.input).toMatchObject({
      kind: 'bytes',
      name: 'data.jsonl',
      contentType: 'application/x-ndjson',
      uri: server.url('/data.jsonl'),
    });
  });

  it('names the input after Content-Disposition, stripped to a bare name', async () => {
    const [first] = await drain(open({ url: server.url('/export') }));
    expect(first?.input).toMatchObject({ name: 'rows.csv', contentType: 'text/csv' });
  });

  it('fails on an error status with the status', async () => {
    const error = await failure({ url: server.url('/missing') });
    expect(error).toMatchObject({ code: 'http-status', status: 404, field: 'url' });
  });

  it('refuses a content type that is not allowed, before reading the body', async () => {
    const error = await failure({ url: server.url('/page') });
    expect(error).toMatchObject({ code: 'content-type-not-allowed', field: 'allowedContentTypes' });
    expect(error.message).toContain('text/html');
    await expect(
      drain(open({ url: server.url('/page'), allowedContentTypes: ['text/*'] })),
    ).resolves.toHaveLength(1);
  });

  it('refuses a declared Content-Length over maxBytes up front', async () => {
    const error = await failure({ url: server.url('/declared-huge'), maxBytes: 1024 });
    expect(error).toMatchObject({ code: 'input-too-large', field: 'maxBytes' });
  });

  it('aborts a body that streams past maxBytes, long before the server is done', async () => {
    const error = await failure({ url: server.url('/endless'), maxBytes: 256 * 1024 });
    expect(error).toMatchObject({ code: 'input-too-large', field: 'maxBytes' });
    await endless.closed;
    expect(endless.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('counts decoded bytes, so a small gzip body cannot expand past maxBytes', async () => {
    const error = await failure({ url: server.url('/gzip-bomb'), maxBytes: 1024 * 1024 });
    expect(error).toMatchObject({ code: 'input-too-large' });
  });

  it('times out when the server sends no headers', async () => {
    const started = Date.now();
    const error = await failure({ url: server.url('/no-headers'), timeoutMs: 200 });
    expect(error).toMatchObject({ code: 'timeout', field: 'timeoutMs' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out when the body stalls', async () => {
    const error = await failure({ url: server.url('/stall-body'), timeoutMs: 200 });
    expect(error).toMatchObject({ code: 'timeout', field: 'timeoutMs' });
  });

  it('follows a redirect and reports the final URL', async () => {
    const [first] = await drain(open({ url: server.url('/hop') }));
    expect(first?.input).toMatchObject({ name: 'data.jsonl', uri: server.url('/data.jsonl') });
  });

  it('stops a redirect loop at maxRedirects', async () => {
    const error = await failure({ url: server.url('/loop'), maxRedirects: 3 });
    expect(error).toMatchObject({ code: 'redirect-limit', field: 'maxRedirects' });
    expect(await failure({ url: server.url('/hop'), maxRedirects: 0 })).toMatchObject({
      code: 'redirect-limit',
    });
  });

  it('refuses a redirect to a non-HTTP URL', async () => {
    expect(await failure({ url: server.url('/to-ftp') })).toMatchObject({ code: 'url-not-allowed' });
  });

  it('sends a secret header, and drops it when a redirect leaves the origin', async () => {
    const headers = { Authorization: { env: 'LLMOPS_SECRET_TOKEN' } };
    await drain(open({ url: server.url('/data.jsonl'), headers }));
    await drain(open({ url: server.url('/to-other'), headers }));
    expect(seenAuthorization).toEqual(['Bearer s3cret', undefined]);
  });

  it('fails clearly when a secret reference is not set', async () => {
    const error = await failure({
      url: server.url('/data.jsonl'),
      headers: { Authorization: { env: 'LLMOPS_SECRET_NONE' } },
    });
    expect(error).toMatchObject({ code: 'secret-not-set', field: 'headers.Authorization' });
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const error = await failure({ url: `http://127.0.0.1:${port}/data.jsonl` });
    expect(error.code).toBe('url-unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports an unknown host as unreachable', async () => {
    const error = await failure({ url: 'http://no-such-host.invalid/data.jsonl' });
    expect(error).toMatchObject({ code: 'url-unreachable', field: 'url' });
    expect(error.message).toContain('no-such-host.invalid');
  });

  it('throws the run signal reason when the run is cancelled mid-body', async () => {
    const run = new AbortController();
    const inputs = open({ url: server.url('/endless') }, { ...ctx, signal: run.signal });
    const first = await inputs.next();
    if (first.done === true || first.value.kind !== 'bytes') throw new Error('expected a bytes input');
    const body = first.value.body[Symbol.asyncIterator]();
    await body.next();
    run.abort(new Error('cancelled by test'));
    await expect(
      (async () => {
        for (;;) if ((await body.next()).done === true) return;
      })(),
    ).rejects.toThrow('cancelled by test');
    await endless.closed;
  });

  it('closes the response when the consumer moves on without reading the body', async () => {
    const inputs = open({ url: server.url('/endless') });
    await inputs.next();
    await inputs.return();
    await endless.closed;
  });
});

describe('HttpSourceConfigSchema', () => {
  it('fills defaults', () => {
    const config = HttpSourceConfigSchema.parse({ url: 'https://example.com/a.jsonl' });
    expect(config).toMatchObject({ maxBytes: 1024 ** 3, maxRedirects: 5, timeoutMs: 30_000, headers: {} });
    expect(config.allowedContentTypes).toContain('application/vnd.apache.parquet');
  });

  it.each([
    ['a non-http url', { url: 'file:///etc/passwd' }],
    ['credentials in the url', { url: 'https://user:pw@example.com/a' }],
    ['a plain Authorization value', { url: 'https://example.com/a', headers: { Authorization: 'Bearer x' } }],
    ['a Host header', { url: 'https://example.com/a', headers: { host: 'evil' } }],
    [
      'a reference outside the secret prefix',
      { url: 'https://e.com/a', headers: { 'x-key': { env: 'DATABASE_URL' } } },
    ],
    ['unknown fields', { url: 'https://example.com/a', method: 'POST' }],
  ])('rejects %s', (_label, input) => {
    expect(HttpSourceConfigSchema.safeParse(input).success).toBe(false);
  });
});
