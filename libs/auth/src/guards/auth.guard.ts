import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyService } from '../api-keys/api-key.service';
import { isApiKeyFormat } from '../api-keys/api-key.util';
import { headerValue, type AuthRequest } from '../auth-request.util';
import { forbidden, unauthenticated } from '../auth.exceptions';
import { IS_PUBLIC_KEY } from '../decorators/public.decorator';
import { ROLES_KEY } from '../decorators/roles.decorator';
import type { Principal } from '../domain/principal';
import { hasAnyRole, type Role } from '../domain/role';
import { JwtVerifier } from '../jwt/jwt-verifier.service';

const CHALLENGE = 'Bearer realm="llmops"';
const INVALID_TOKEN_CHALLENGE = 'Bearer realm="llmops", error="invalid_token"';

type Credential = { kind: 'jwt'; token: string } | { kind: 'api-key'; key: string };

type HeaderSetter = (this: unknown, name: string, value: string) => unknown;

/** Sets a response header on a Fastify reply (`header`) or a Node/Express response (`setHeader`). */
function setHeader(response: unknown, name: string, value: string): void {
  if (typeof response !== 'object' || response === null) return;
  const { header, setHeader: setNodeHeader } = response as { header?: unknown; setHeader?: unknown };
  const setter =
    typeof header === 'function' ? header : typeof setNodeHeader === 'function' ? setNodeHeader : null;
  if (setter !== null) (setter as HeaderSetter).call(response, name, value);
}

/**
 * Global guard: authenticates every HTTP route that is not `@Public()` (bearer JWT, bearer `llmops_` key
 * or `X-API-Key`), puts the principal on `request.principal`, then enforces `@Roles`.
 * Non-HTTP contexts (event consumers) are not guarded: messages on the bus are trusted.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwtVerifier: JwtVerifier,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthRequest>();
    // Reuse the principal when the guard is registered twice (several AuthModule.forRoot in one process).
    const principal = request.principal ?? (await this.authenticate(request, http.getResponse<unknown>()));
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!hasAnyRole(principal.roles, required)) throw forbidden(required);
    return true;
  }

  private async authenticate(request: AuthRequest, response: unknown): Promise<Principal> {
    let credential: Credential;
    try {
      credential = this.readCredential(request);
    } catch (error) {
      setHeader(response, 'WWW-Authenticate', CHALLENGE);
      throw error;
    }
    try {
      if (credential.kind === 'jwt') return await this.jwtVerifier.verify(credential.token);
      const principal = await this.apiKeys.verify(credential.key);
      if (principal === null) throw unauthenticated('API key is invalid or revoked');
      return principal;
    } catch (error) {
      if (error instanceof UnauthorizedException) {
        setHeader(response, 'WWW-Authenticate', INVALID_TOKEN_CHALLENGE);
      }
      throw error;
    }
  }

  private readCredential(request: AuthRequest): Credential {
    const authorization = headerValue(request, 'authorization');
    if (authorization !== undefined) {
      const match = /^(\S+)\s+(\S+)\s*$/.exec(authorization);
      const [, scheme, token] = match ?? [];
      if (scheme?.toLowerCase() !== 'bearer' || token === undefined) {
        throw unauthenticated('unsupported Authorization header; use "Bearer <token>"');
      }
      return isApiKeyFormat(token) ? { kind: 'api-key', key: token } : { kind: 'jwt', token };
    }
    const apiKey = headerValue(request, 'x-api-key');
    if (apiKey !== undefined) return { kind: 'api-key', key: apiKey };
    throw unauthenticated('credentials required: send "Authorization: Bearer <token>" or "X-API-Key: <key>"');
  }
}
