import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  InternalServerErrorException,
  Module,
  Param,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createTestApp, LogCapture, type TestApp } from '../../test/create-test-app.util';
import { AppError } from './app.error';

class CreateThingDto extends createZodDto(
  z.object({
    name: z.string().min(1),
    items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
  }),
) {}

class ThingParamsDto extends createZodDto(z.object({ id: z.uuid() })) {}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThingDto): CreateThingDto {
    return body;
  }

  @Get('app-error')
  appError(): never {
    throw new AppError('DATASET_NOT_FOUND', 404, 'Dataset d-1 does not exist');
  }

  @Get('app-error-fields')
  appErrorWithFields(): never {
    throw new AppError('SPLIT_RATIOS_INVALID', 422, 'Split ratios must sum to 1', {
      errors: [{ path: 'splits.train', message: 'must be <= 1' }],
    });
  }

  @Get('boom')
  boom(): never {
    throw new Error('password=hunter2 leaked in message');
  }

  @Get('internal-http')
  internalHttp(): never {
    throw new InternalServerErrorException('pool exhausted at 10.0.0.3:5432');
  }

  @Get('unauthenticated')
  unauthenticated(): never {
    throw new UnauthorizedException({ code: 'AUTH_UNAUTHENTICATED', detail: 'Missing bearer token' });
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenException({
      code: 'AUTH_FORBIDDEN',
      detail: 'Requires role approver',
      requiredRoles: ['approver'],
      status: 999,
    });
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictException('Name already taken');
  }

  @Get(':id')
  get(@Param() params: ThingParamsDto): ThingParamsDto {
    return params;
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('ProblemDetailsFilter', () => {
  let t: TestApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await createTestApp([ThingsModule], { bodyLimit: 1024, logger: { stream: logs } });
  });

  afterAll(async () => {
    await t.app.close();
  });

  async function problem(request: Parameters<TestApp['inject']>[0]) {
    const response = await t.inject(request);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const body = response.json<Record<string, unknown>>();
    expect(body['correlationId']).toBe(response.headers['x-correlation-id']);
    return { status: response.statusCode, body };
  }

  it('answers a zod validation failure with 400 VALIDATION_FAILED and every failing field path', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      payload: { name: '', items: [{ sku: 'a', quantity: 1 }, { quantity: -2 }] },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      type: 'https://llmops.dev/problems/validation-failed',
      title: 'Request validation failed',
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/things',
    });
    const errors = body['errors'] as { path: string; message: string }[];
    expect(errors.map((error) => error.path).sort()).toEqual(['items.1.quantity', 'items.1.sku', 'name']);
    expect(errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it('validates route params through zod DTOs too', async () => {
    const { status, body } = await problem({ method: 'GET', url: '/things/not-a-uuid' });
    expect(status).toBe(400);
    expect(body['errors']).toEqual([expect.objectContaining({ path: 'id' })]);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const { status, body } = await problem({ method: 'GET', url: '/nowhere?x=1' });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      instance: '/nowhere?x=1',
      detail: 'No route for GET /nowhere',
    });
  });

  it('answers malformed JSON with 400 MALFORMED_BODY', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(status).toBe(400);
    expect(body['code']).toBe('MALFORMED_BODY');
  });

  it('answers an empty JSON body with 400 MALFORMED_BODY', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(status).toBe(400);
    expect(body['code']).toBe('MALFORMED_BODY');
  });

  it('answers a prototype-poisoning body with 400 MALFORMED_BODY, not a 500', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"x","items":[],"__proto__":{"admin":true}}',
    });
    expect(status).toBe(400);
    expect(body['code']).toBe('MALFORMED_BODY');
  });

  it('answers a badly encoded URL with a 4xx problem, not a 500', async () => {
    const { status } = await problem({ method: 'GET', url: '/things/%E0%A4%A' });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      payload: { name: 'x'.repeat(4096), items: [] },
    });
    expect(status).toBe(413);
    expect(body['code']).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const { status, body } = await problem({
      method: 'POST',
      url: '/things',
      headers: { 'content-type': 'application/xml' },
      payload: '<thing/>',
    });
    expect(status).toBe(415);
    expect(body['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps AppError to its own code, status and detail', async () => {
    const { status, body } = await problem({ method: 'GET', url: '/things/app-error' });
    expect(status).toBe(404);
    expect(body).toMatchObject({
      type: 'https://llmops.dev/problems/dataset-not-found',
      title: 'Dataset not found',
      code: 'DATASET_NOT_FOUND',
      detail: 'Dataset d-1 does not exist',
    });
    const withFields = await problem({ method: 'GET', url: '/things/app-error-fields' });
    expect(withFields.status).toBe(422);
    expect(withFields.body['errors']).toEqual([{ path: 'splits.train', message: 'must be <= 1' }]);
  });

  it('keeps the code of HttpExceptions thrown by the auth lib', async () => {
    const unauthenticated = await problem({ method: 'GET', url: '/things/unauthenticated' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body).toMatchObject({
      code: 'AUTH_UNAUTHENTICATED',
      detail: 'Missing bearer token',
    });
    const forbidden = await problem({ method: 'GET', url: '/things/forbidden' });
    expect(forbidden.status).toBe(403);
    // Extension members pass through; they can never override a standard member.
    expect(forbidden.body).toMatchObject({
      code: 'AUTH_FORBIDDEN',
      detail: 'Requires role approver',
      requiredRoles: ['approver'],
      status: 403,
    });
  });

  it('derives a code from the status of a plain HttpException', async () => {
    const { status, body } = await problem({ method: 'GET', url: '/things/conflict' });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'CONFLICT', detail: 'Name already taken', title: 'Conflict' });
  });

  it('answers an unexpected error with a generic 500 INTERNAL and logs its stack with the correlation id', async () => {
    const { status, body } = await problem({
      method: 'GET',
      url: '/things/boom',
      headers: { 'x-correlation-id': 'corr-boom-1' },
    });
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'INTERNAL', correlationId: 'corr-boom-1' });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|stack|at ThingsController/);
    const logged = logs.lines.find(
      (line) => line['correlationId'] === 'corr-boom-1' && line['level'] === 'error' && line['err'],
    );
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged?.['err'])).toContain('ThingsController.boom');
  });

  it('does not leak the message of an InternalServerErrorException', async () => {
    const { status, body } = await problem({ method: 'GET', url: '/things/internal-http' });
    expect(status).toBe(500);
    expect(body['code']).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('10.0.0.3');
  });
});
