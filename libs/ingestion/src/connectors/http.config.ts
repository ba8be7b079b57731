import { z } from 'zod';
import { SecretRefSchema } from './secret-ref';

const GiB = 1024 * 1024 * 1024;

/** What the readers parse: JSONL, CSV, Parquet, plain text, markdown, gzip-compressed files. */
export const DEFAULT_ALLOWED_CONTENT_TYPES = [
  'application/jsonl',
  'application/jsonlines',
  'application/x-jsonlines',
  'application/x-ndjson',
  'application/ndjson',
  'text/csv',
  'application/vnd.apache.parquet',
  'application/x-parquet',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
  'application/gzip',
  'application/x-gzip',
];

// Set by the HTTP client itself; letting a source override them breaks framing or targets another host.
const FORBIDDEN_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);
// Credentials must be references: configs are stored and returned by the API.
const SECRET_ONLY_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

const HeaderValueSchema = z.union([
  z
    .string()
    .max(8192)
    .regex(/^[^\r\n]*$/, 'must be a single line'),
  SecretRefSchema,
]);

export const HttpHeadersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'), HeaderValueSchema)
  .superRefine((headers, issue) => {
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (FORBIDDEN_HEADERS.has(lower)) {
        issue.addIssue({ code: 'custom', path: [name], message: `${name} is set by the client` });
      } else if (SECRET_ONLY_HEADERS.has(lower) && typeof value === 'string') {
        issue.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} must be a secret reference ({ "env": "LLMOPS_SECRET_..." }), not a value`,
        });
      }
    }
  })
  .describe(
    'Extra request headers. Authorization, Proxy-Authorization and Cookie take a secret reference ' +
      '({ "env": "LLMOPS_SECRET_..." }); they are dropped when a redirect leaves the origin.',
  );

/** A URL without embedded credentials (stored configs are shown back; fetch refuses them anyway). */
export const HttpUrlSchema = z.url({ protocol: /^https?$/ }).refine((url) => {
  const parsed = new URL(url);
  return parsed.username === '' && parsed.password === '';
}, 'must not contain credentials; use a header with a secret reference');

/** Downloads one file over HTTP(S). */
export const HttpSourceConfigSchema = z
  .strictObject({
    url: HttpUrlSchema.describe('The file to download (http or https).'),
    maxBytes: z
      .number()
      .int()
      .positive()
      .max(64 * GiB)
      .default(GiB)
      .describe(
        'Largest body accepted, counted after decompression; the download aborts past it. Default 1 GiB.',
      ),
    allowedContentTypes: z
      .array(
        z
          .string()
          .regex(
            /^[a-z0-9!#$&^_.+-]+\/([a-z0-9!#$&^_.+-]+|\*)$/,
            'must be a media type such as text/csv or text/*',
          ),
      )
      .min(1)
      .default(DEFAULT_ALLOWED_CONTENT_TYPES)
      .describe(
        'Media types accepted (parameters ignored; `type/*` allowed), checked before the body is read. ' +
          'Default: JSONL, CSV, Parquet, plain text, markdown and gzip types. Many servers send ' +
          'application/octet-stream for Parquet; add it when needed.',
      ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(30_000)
      .describe(
        'Longest wait for the response headers (connect included), and for each next chunk of the body. Default 30 s.',
      ),
    maxRedirects: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(5)
      .describe('Redirects followed before failing (0 refuses any). Default 5.'),
    headers: HttpHeadersSchema.default({}),
  })
  .describe('Downloads one file over HTTP(S).');

export type HttpSourceConfig = z.output<typeof HttpSourceConfigSchema>;
