/**
 * HTTP source: downloads one file with the global fetch and yields it as a single `bytes` input.
 *
 * Nothing is buffered: the body streams to the reader, counted as it goes, and the download is
 * aborted the moment it passes `maxBytes` (counted after Content-Encoding is undone, so a small
 * gzip bomb cannot slip through). The status and Content-Type are checked before any of the body is
 * read. Redirects are followed by hand (bounded, http/https only, credentials kept to their origin).
 * `timeoutMs` bounds the wait for headers on each hop and for each next body chunk, never the time
 * the reader spends between chunks.
 *
 * Private and loopback addresses are not refused here: deciding which hosts a tenant may reach is
 * the service's policy.
 */
import { ConnectorError } from './connector.error';
import type { ConnectorContext } from './connector-context';
import { DownloadAbort } from './download-abort';
import { fetchFollowingRedirects } from './http-fetch';
import { httpFileName } from './http-file-name';
import { networkFailure } from './network-failure';
import { HttpSourceConfigSchema, type HttpSourceConfig } from './http.config';
import { isMediaTypeAllowed, mediaTypeOf } from './media-type';
import { valueOrSecret } from './secret-ref';
import { defineConnector } from './source-connector';
import type { SourceInput } from './source-input';

const USER_AGENT = 'llmops-ingestion';

export const httpConnector = defineConnector('http', HttpSourceConfigSchema, openHttpSource);

export async function* openHttpSource(
  config: HttpSourceConfig,
  ctx: ConnectorContext,
): AsyncGenerator<SourceInput, void, undefined> {
  ctx.signal.throwIfAborted();
  const headers = resolveHeaders(config.headers, ctx.env);
  const abort = new DownloadAbort(ctx.signal);
  try {
    const { response, url } = await fetchFollowingRedirects(
      new URL(config.url),
      { headers, maxRedirects: config.maxRedirects, timeoutMs: config.timeoutMs },
      abort,
    );
    const contentType = acceptedMediaType(response, url, config);
    yield {
      kind: 'bytes',
      name: httpFileName(url, response.headers.get('content-disposition')),
      contentType,
      uri: url.href,
      body: limitedBody(response, url, config, abort),
    };
  } finally {
    abort.release();
  }
}

/** Checks status, type and declared length, so a wrong answer fails before its body is read. */
function acceptedMediaType(response: Response, url: URL, config: HttpSourceConfig): string {
  if (!response.ok) {
    throw new ConnectorError(
      'http-status',
      `GET ${url.href} answered ${response.status} ${response.statusText}`,
      {
        field: 'url',
        status: response.status,
      },
    );
  }
  const mediaType = mediaTypeOf(response.headers.get('content-type')) ?? 'application/octet-stream';
  if (!isMediaTypeAllowed(mediaType, config.allowedContentTypes)) {
    throw new ConnectorError(
      'content-type-not-allowed',
      `${url.href} is ${mediaType}, not one of ${config.allowedContentTypes.join(', ')}`,
      { field: 'allowedContentTypes' },
    );
  }
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!encoded && declared > config.maxBytes) {
    throw new ConnectorError(
      'input-too-large',
      `${url.href} is ${declared} bytes, over maxBytes ${config.maxBytes}`,
      {
        field: 'maxBytes',
      },
    );
  }
  return mediaType;
}

async function* limitedBody(
  response: Response,
  url: URL,
  config: HttpSourceConfig,
  abort: DownloadAbort,
): AsyncGenerator<Buffer, void, undefined> {
  if (response.body === null) return;
  // undici types the body as ReadableStream<any>; fetch bodies are byte streams.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let received = 0;
  try {
    for (;;) {
      const chunk = await abort.within(config.timeoutMs, `reading ${url.host}`, () => reader.read());
      if (chunk.done) return;
      received += chunk.value.byteLength;
      if (received > config.maxBytes) {
        throw new ConnectorError(
          'input-too-large',
          `${url.href} passed maxBytes ${config.maxBytes}; download aborted`,
          {
            field: 'maxBytes',
          },
        );
      }
      yield Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength);
    }
  } catch (error) {
    throw abort.explain(error, (cause) => networkFailure(cause, url));
  } finally {
    abort.release();
  }
}

function resolveHeaders(
  configured: HttpSourceConfig['headers'],
  env: ConnectorContext['env'],
): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(configured)) {
    headers[name.toLowerCase()] = valueOrSecret(value, `headers.${name}`, env);
  }
  return headers;
}
