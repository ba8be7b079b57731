import {
  Injectable,
  Logger,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, type Observable } from 'rxjs';
import { getPrincipal, headerValue, type AuthRequest } from '../auth-request.util';
import { auditFailed } from '../auth.exceptions';
import { AUDIT_RESOURCE_KEY } from '../decorators/audit-resource.decorator';
import { SKIP_AUDIT_KEY } from '../decorators/skip-audit.decorator';
import type { AuditActor, AuditRecord } from '../domain/audit-record';
import { AuditSink } from './audit.sink';
import { claimAudit, getAuditBefore, getAuditResourceId } from './audit-context.util';

const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Fields of a Fastify request beyond {@link AuthRequest}; all optional so other adapters work too. */
interface RoutedRequest extends AuthRequest {
  id?: unknown;
  params?: unknown;
  routeOptions?: { url?: unknown };
}

function pathOf(url: string): string {
  return url.split('?', 1)[0] ?? url;
}

/** First path segment after a `/v<N>` prefix: `/v1/datasets/42` → `datasets`. */
export function defaultResourceType(url: string): string {
  const segments = pathOf(url)
    .split('/')
    .filter((segment) => segment.length > 0);
  const [first, second] = segments;
  const type = first !== undefined && /^v\d+$/.test(first) ? second : first;
  return type ?? 'unknown';
}

function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' && found.length > 0 ? found : undefined;
}

/** The response body as recorded: binary and streamed bodies are not copied into the audit log. */
function snapshot(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  if (body instanceof StreamableFile || Buffer.isBuffer(body) || ArrayBuffer.isView(body)) return null;
  if (typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  return body;
}

/**
 * Global interceptor: after a POST/PUT/PATCH/DELETE handler succeeds, writes one {@link AuditRecord}
 * and only then lets the response go out. The sink is awaited and its failure fails the request with
 * 500 AUTH_AUDIT_FAILED (audit is mandatory); the handler's change is not rolled back by this.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(
    private readonly sink: AuditSink,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (!MUTATING_METHODS.has(request.method.toUpperCase())) return next.handle();
    if (this.reflector.getAllAndOverride<boolean | undefined>(SKIP_AUDIT_KEY, targets) === true)
      return next.handle();
    if (!claimAudit(request)) return next.handle();

    const resourceType =
      this.reflector.getAllAndOverride<string | undefined>(AUDIT_RESOURCE_KEY, targets) ??
      defaultResourceType(request.url);
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.record(this.buildRecord(request, resourceType, body));
        return body;
      }),
    );
  }

  private async record(entry: AuditRecord): Promise<void> {
    try {
      await this.sink.record(entry);
    } catch (error) {
      this.logger.error(
        `audit record for ${entry.action} by ${entry.actor.subject} could not be written: ${(error as Error).message}`,
        (error as Error).stack,
      );
      throw auditFailed();
    }
  }

  private buildRecord(request: RoutedRequest, resourceType: string, body: unknown): AuditRecord {
    const principal = getPrincipal(request);
    const actor: AuditActor = principal
      ? { subject: principal.subject, kind: principal.kind, roles: [...principal.roles] }
      : { subject: 'anonymous', kind: 'anonymous', roles: [] };
    const template = request.routeOptions?.url;
    const route = typeof template === 'string' ? template : pathOf(request.url);
    const id = getAuditResourceId(request) ?? stringField(request.params, 'id') ?? stringField(body, 'id');
    const requestId =
      headerValue(request, 'x-request-id') ?? (typeof request.id === 'string' ? request.id : undefined);
    return {
      actor,
      action: `${request.method.toUpperCase()} ${route}`,
      resource: { type: resourceType, ...(id !== undefined && { id }) },
      before: getAuditBefore(request),
      after: snapshot(body),
      at: new Date().toISOString(),
      ...(requestId !== undefined && { requestId }),
    };
  }
}
