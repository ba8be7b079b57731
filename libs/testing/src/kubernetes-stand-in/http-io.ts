import type { IncomingMessage, ServerResponse } from 'node:http';
import { StandInApiError } from './stand-in-api-error';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new StandInApiError(413, 'RequestEntityTooLarge', 'request entity too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson<T>(req: IncomingMessage, optional = false): Promise<T> {
  const text = await readBody(req);
  if (text.trim() === '') {
    if (optional) return undefined as T;
    throw StandInApiError.badRequest('request body is empty');
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw StandInApiError.badRequest('request body is not valid JSON');
  }
}

export async function drain(req: IncomingMessage): Promise<void> {
  await readBody(req);
}
