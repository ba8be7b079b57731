import {
  Body,
  Controller,
  Delete,
  Get,
  Logger,
  Module,
  Param,
  Post,
  Put,
  Req,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { generateApiKey } from './api-keys/api-key.util';
import { setAuditBefore } from './audit/audit-context.util';
import { parseAuthConfig } from './auth.config';
import { AuthModule } from './auth.module';
import { AuditResource } from './decorators/audit-resource.decorator';
import { CurrentPrincipal } from './decorators/current-principal.decorator';
import { Public } from './decorators/public.decorator';
import { Roles } from './decorators/roles.decorator';
import { SkipAudit } from './decorators/skip-audit.decorator';
import type { Principal } from './domain/principal';
import { InMemoryAuditSink } from './testing/in-memory-audit.sink';

interface DatasetDto {
  name: string;
}

@Controller('v1/datasets')
class DatasetsTestController {
  @Get()
  list(): { items: string[] } {
    return { items: [] };
  }

  @Post()
  @Roles('data-engineer')
  create(@Body() body: DatasetDto): { id: string; name: string } {
    return { id: 'ds-1', name: body.name };
  }

  @Put(':id')
  @Roles('data-engineer')
  @AuditResource('dataset')
  rename(
    @Param('id') id: string,
    @Body() body: DatasetDto,
    @Req() request: object,
  ): { id: string; name: string } {
    setAuditBefore(request, { id, name: 'old-name' });
    return { id, name: body.name };
  }

  @Delete(':id')
  @Roles('approver')
  remove(): void {
    return undefined;
  }

  @Post('search')
  @SkipAudit()
  search(): { items: string[] } {
    return { items: [] };
  }
}

@Controller('v1')
class MiscTestController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Public()
  @Get('status')
  status(): { ok: boolean } {
    return { ok: true };
  }

  @Public()
  @Post('feedback')
  feedback(): { id: string } {
    return { id: 'fb-1' };
  }
}

describe('AuthModule in a Fastify app', () => {
  const sink = new InMemoryAuditSink();
  const apiKey = generateApiKey();
  let app: INestApplication;
  let http: FastifyInstance;
  let privateKey: KeyLike;

  async function token(
    roles: string[],
    options: { expired?: boolean; issuer?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ realm_access: { roles } })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('user-42')
      .setIssuer(options.issuer ?? 'https://idp.test')
      .setAudience('llmops')
      .setIssuedAt(now - 600)
      .setExpirationTime(options.expired === true ? now - 300 : now + 300)
      .sign(privateKey);
  }

  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
  ) {
    const response = await http.inject({
      method,
      url,
      headers,
      ...(method === 'POST' || method === 'PUT' ? { payload: { name: 'reviews' } } : {}),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? (JSON.parse(response.body) as unknown) : undefined,
    };
  }

  const bearer = (value: string): Record<string, string> => ({ authorization: `Bearer ${value}` });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const keys = await generateKeyPair('ES256');
    privateKey = keys.privateKey;
    const config = parseAuthConfig({
      AUTH_JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey),
      AUTH_JWT_ISSUER: 'https://idp.test',
      AUTH_JWT_AUDIENCE: 'llmops',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_API_KEYS: JSON.stringify([{ name: 'etl-bot', hash: apiKey.hash, roles: ['data-engineer'] }]),
    });

    @Module({
      imports: [AuthModule.forRoot(config, { auditSink: { useValue: sink } })],
      controllers: [DatasetsTestController, MiscTestController],
    })
    class TestAppModule {}

    // Logging is off through Logger.overrideLogger above (an options literal trips no-unsafe-class-instance-assignment).
    app = await NestFactory.create(TestAppModule, new FastifyAdapter());
    await app.init();
    http = app.getHttpAdapter().getInstance() as FastifyInstance;
    await http.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    sink.records.length = 0;
    sink.failWith = null;
  });

  it('answers 401 AUTH_UNAUTHENTICATED with a Bearer challenge when no credentials are sent', async () => {
    const response = await call('GET', '/v1/datasets');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: 'AUTH_UNAUTHENTICATED',
      detail: expect.stringContaining('credentials required') as unknown,
    });
    expect(response.headers['www-authenticate']).toBe('Bearer realm="llmops"');
  });

  it('answers 401 for an expired token, a foreign issuer, garbage and other schemes', async () => {
    for (const headers of [
      bearer(await token(['admin'], { expired: true })),
      bearer(await token(['admin'], { issuer: 'https://evil.test' })),
      bearer('garbage'),
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-api-key': generateApiKey().key },
    ]) {
      const response = await call('GET', '/v1/datasets', headers);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });
    }
    const expired = await call('GET', '/v1/datasets', bearer(await token(['admin'], { expired: true })));
    expect(expired.body).toMatchObject({ detail: 'token expired' });
    expect(expired.headers['www-authenticate']).toBe('Bearer realm="llmops", error="invalid_token"');
  });

  it('lets any authenticated caller through a route without @Roles, and exposes the principal', async () => {
    expect((await call('GET', '/v1/datasets', bearer(await token(['viewer'])))).status).toBe(200);
    const whoami = await call('GET', '/v1/whoami', bearer(await token(['viewer', 'unknown-role'])));
    expect(whoami.body).toEqual({ subject: 'user-42', kind: 'user', roles: ['viewer'] });
  });

  it('answers 403 AUTH_FORBIDDEN naming the required roles', async () => {
    const response = await call('POST', '/v1/datasets', bearer(await token(['viewer', 'annotator'])));
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      code: 'AUTH_FORBIDDEN',
      detail: 'requires one of the roles: data-engineer',
      requiredRoles: ['data-engineer'],
    });
    expect(sink.records).toEqual([]);
  });

  it('lets the right role and admin through', async () => {
    expect((await call('POST', '/v1/datasets', bearer(await token(['data-engineer'])))).status).toBe(201);
    expect((await call('POST', '/v1/datasets', bearer(await token(['admin'])))).status).toBe(201);
    expect((await call('DELETE', '/v1/datasets/ds-1', bearer(await token(['admin'])))).status).toBe(200);
  });

  it('accepts API keys as a bearer value and in X-API-Key', async () => {
    expect((await call('POST', '/v1/datasets', bearer(apiKey.key))).status).toBe(201);
    const viaHeader = await call('GET', '/v1/whoami', { 'x-api-key': apiKey.key });
    expect(viaHeader.body).toEqual({
      subject: 'api-key:etl-bot',
      kind: 'api-key',
      roles: ['data-engineer'],
      name: 'etl-bot',
    });
  });

  it('serves @Public() routes without credentials', async () => {
    const response = await call('GET', '/v1/status');
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('records exactly one audit entry for a mutating call', async () => {
    const response = await call('POST', '/v1/datasets', {
      ...bearer(await token(['data-engineer'])),
      'x-request-id': 'req-7',
    });
    expect(response.status).toBe(201);
    expect(sink.records).toHaveLength(1);
    const [entry] = sink.records;
    expect(entry).toEqual({
      actor: { subject: 'user-42', kind: 'user', roles: ['data-engineer'] },
      action: 'POST /v1/datasets',
      resource: { type: 'datasets', id: 'ds-1' },
      before: null,
      after: { id: 'ds-1', name: 'reviews' },
      at: expect.any(String) as unknown,
      requestId: 'req-7',
    });
    expect(new Date(entry?.at ?? '').toISOString()).toBe(entry?.at);
  });

  it('records the before state, the route template and the declared resource type', async () => {
    await call('PUT', '/v1/datasets/ds-9', bearer(apiKey.key));
    expect(sink.records).toEqual([
      expect.objectContaining({
        actor: { subject: 'api-key:etl-bot', kind: 'api-key', roles: ['data-engineer'] },
        action: 'PUT /v1/datasets/:id',
        resource: { type: 'dataset', id: 'ds-9' },
        before: { id: 'ds-9', name: 'old-name' },
        after: { id: 'ds-9', name: 'reviews' },
      }),
    ]);
  });

  it('does not audit reads, @SkipAudit() calls or failed calls; audits public mutations as anonymous', async () => {
    await call('GET', '/v1/datasets', bearer(await token(['viewer'])));
    await call('POST', '/v1/datasets/search', bearer(await token(['viewer'])));
    await call('POST', '/v1/datasets', bearer(await token(['viewer'])));
    expect(sink.records).toEqual([]);

    await call('POST', '/v1/feedback');
    expect(sink.records).toEqual([
      expect.objectContaining({
        actor: { subject: 'anonymous', kind: 'anonymous', roles: [] },
        action: 'POST /v1/feedback',
      }),
    ]);
  });

  it('fails the request with 500 AUTH_AUDIT_FAILED when the sink fails', async () => {
    sink.failWith = new Error('outbox unavailable');
    const response = await call('POST', '/v1/datasets', bearer(await token(['data-engineer'])));
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ code: 'AUTH_AUDIT_FAILED' });
  });
});
