import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { RequestContext, type RequestContextData } from '@llmops/observability';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createTestApp, LogCapture, type TestApp } from '../../test/create-test-app.util';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

class EchoDto extends createZodDto(z.object({ text: z.string() })) {}

@Controller('v1/echo')
class EchoController {
  @Get(':id')
  get(@Param('id') id: string): { id: string; context: RequestContextData | undefined } {
    return { id, context: RequestContext.current() };
  }

  @Post()
  async post(@Body() body: EchoDto): Promise<{ text: string; context: RequestContextData | undefined }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { text: body.text, context: RequestContext.current() };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('configureHttpApp', () => {
  let t: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await createTestApp([EchoModule], {
      logger: { stream: logs },
      openApi: { title: 'Echo <API>', version: '1.2.3', description: 'test' },
    });
  });

  afterAll(async () => {
    await t.app.close();
  });

  describe('correlation ids', () => {
    it('generates a UUIDv7 and echoes it when the caller sends none', async () => {
      const response = await t.inject({ method: 'GET', url: '/v1/echo/1' });
      expect(response.headers['x-correlation-id']).toMatch(UUID_V7);
      expect(response.json<{ context: RequestContextData }>().context.correlationId).toBe(
        response.headers['x-correlation-id'],
      );
    });

    it('keeps the caller x-correlation-id, or else x-request-id', async () => {
      const fromCorrelation = await t.inject({
        method: 'GET',
        url: '/v1/echo/1',
        headers: { 'x-correlation-id': 'abc-123' },
      });
      expect(fromCorrelation.headers['x-correlation-id']).toBe('abc-123');
      const fromRequestId = await t.inject({
        method: 'GET',
        url: '/v1/echo/1',
        headers: { 'x-request-id': 'req-9' },
      });
      expect(fromRequestId.headers['x-correlation-id']).toBe('req-9');
    });

    it('replaces an unsafe caller id with a fresh one', async () => {
      const response = await t.inject({
        method: 'GET',
        url: '/v1/echo/1',
        headers: { 'x-correlation-id': 'x'.repeat(500) },
      });
      expect(response.headers['x-correlation-id']).toMatch(UUID_V7);
    });

    it('keeps the request context through body parsing and awaits, as a child span of the caller trace', async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const response = await t.inject({
        method: 'POST',
        url: '/v1/echo',
        headers: { 'x-correlation-id': 'post-1', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
        payload: { text: 'hi' },
      });
      expect(response.statusCode).toBe(201);
      const { context } = response.json<{ context: RequestContextData }>();
      expect(context.correlationId).toBe('post-1');
      expect(context.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      expect(context.traceparent).not.toContain('00f067aa0ba902b7');
    });
  });

  describe('logs', () => {
    it('writes JSON lines with service, correlation id and trace id, with credentials redacted', async () => {
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      await t.inject({
        method: 'GET',
        url: '/v1/echo/7',
        headers: {
          'x-correlation-id': 'log-1',
          traceparent: `00-${traceId}-b7ad6b7169203331-01`,
          authorization: 'Bearer secret-token',
          'x-api-key': 'secret-key',
          cookie: 'session=secret-cookie',
        },
      });
      const line = logs.lines.find(
        (entry) => entry['correlationId'] === 'log-1' && entry['msg'] === 'request completed',
      );
      expect(line).toMatchObject({ service: 'test-service', level: 'info', traceId });
      const text = JSON.stringify(line);
      expect(text).not.toMatch(/secret-token|secret-key|secret-cookie/);
      expect(text).toContain('[REDACTED]');
    });

    it('does not log health probes and scrapes', async () => {
      await t.inject({ method: 'GET', url: '/health/live', headers: { 'x-correlation-id': 'probe-1' } });
      expect(logs.lines.filter((entry) => entry['correlationId'] === 'probe-1')).toEqual([]);
    });
  });

  describe('metrics', () => {
    it('exposes the HTTP duration histogram by route pattern at /metrics', async () => {
      await t.inject({ method: 'GET', url: '/v1/echo/42' });
      await t.inject({ method: 'GET', url: '/no/such/route' });
      const response = await t.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.body).toContain('# TYPE llmops_http_request_duration_seconds histogram');
      expect(response.body).toMatch(
        /llmops_http_request_duration_seconds_count\{service="test-service",method="GET",route="\/v1\/echo\/:id",status="200"\} \d+/,
      );
      expect(response.body).toMatch(/route="unmatched",status="404"/);
      expect(response.body).not.toContain('/v1/echo/42');
    });
  });

  describe('OpenAPI', () => {
    it('serves the document at /docs/json with both security schemes and problem details', async () => {
      const response = await t.inject({ method: 'GET', url: '/docs/json' });
      expect(response.statusCode).toBe(200);
      const document = response.json<{
        info: { title: string; version: string };
        paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
        components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
        security: unknown[];
      }>();
      expect(document.info).toMatchObject({ title: 'Echo <API>', version: '1.2.3' });
      expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['api-key', 'bearer']);
      expect(document.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
      expect(document.components.schemas).toHaveProperty('ProblemDetails');
      expect(document.components.schemas).toHaveProperty('EchoDto');
      expect(document.paths['/v1/echo']?.['post']?.responses).toHaveProperty('default');
      expect(document.paths['/health/ready']?.['get']?.security).toEqual([]);
      expect(document.paths).not.toHaveProperty('/metrics');
    });

    it('serves Swagger UI with its assets, without a CDN', async () => {
      const page = await t.inject({ method: 'GET', url: '/docs' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('Echo &#60;API&#62;');
      expect(page.body).toContain('"/docs/json"');
      const css = await t.inject({ method: 'GET', url: '/docs/swagger-ui.css' });
      expect(css.statusCode).toBe(200);
      const yaml = await t.inject({ method: 'GET', url: '/docs/yaml' });
      expect(yaml.statusCode).toBe(200);
    });
  });
});
