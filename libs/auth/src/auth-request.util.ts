import type { Principal } from './domain/principal';

/** The slice of an HTTP request (Fastify or Express) this lib reads and writes. */
export interface AuthRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set by the auth guard on every non-public route. */
  principal?: Principal;
}

/** The authenticated principal of a request; undefined on `@Public()` routes. */
export function getPrincipal(request: object): Principal | undefined {
  return (request as Partial<AuthRequest>).principal;
}

/** A non-empty single header value; array values (repeated headers) count as absent. */
export function headerValue(request: Pick<AuthRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
