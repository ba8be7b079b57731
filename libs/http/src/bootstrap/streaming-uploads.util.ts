import fastifyMultipart from '@fastify/multipart';

/**
 * Media types whose request bodies are left unread for the route to stream (dataset files, archives).
 * Fastify would otherwise buffer them up to `bodyLimit` or answer 415; uploads of any size stream instead.
 */
export const STREAMED_BODY_TYPES = [
  'application/octet-stream',
  'application/gzip',
  'application/x-gzip',
  'application/x-ndjson',
  'application/jsonl',
  'application/vnd.apache.parquet',
  'application/x-parquet',
  'text/csv',
  'text/tab-separated-values',
  'text/markdown',
];

// Structural type: @nestjs/platform-fastify pins its own Fastify copy.
interface FastifyLike {
  addContentTypeParser(
    types: string[],
    parser: (req: unknown, payload: unknown, done: (err: Error | null, body?: unknown) => void) => void,
  ): void;
  register(plugin: unknown, options?: unknown): unknown;
}

/** Multipart (one file per request, streamed) plus the raw streamed types above. */
export function enableStreamingUploads(fastify: FastifyLike): void {
  fastify.addContentTypeParser(STREAMED_BODY_TYPES, (_req, _payload, done) => {
    done(null);
  });
  fastify.register(fastifyMultipart, { limits: { files: 1, fields: 20, fileSize: Number.MAX_SAFE_INTEGER } });
}
