import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { ZodSerializationException } from 'nestjs-zod';
import { AppError } from './app.error';
import { mapExceptionToProblem, type ProblemRequestInfo } from './map-exception-to-problem.util';

const request: ProblemRequestInfo = {
  method: 'GET',
  url: '/v1/datasets/d-1?x=1',
  correlationId: 'c-1',
  routeNotFound: false,
  fastifyError: undefined,
};

describe('mapExceptionToProblem', () => {
  it('keeps AppError codes, statuses and extensions', () => {
    const { problem, internal } = mapExceptionToProblem(
      new AppError('DATASET_NOT_FOUND', 404, 'no dataset d-1', {
        extensions: { datasetId: 'd-1', code: 'X' },
      }),
      request,
    );
    expect(internal).toBe(false);
    expect(problem).toEqual({
      type: 'https://llmops.dev/problems/dataset-not-found',
      title: 'Dataset not found',
      status: 404,
      detail: 'no dataset d-1',
      code: 'DATASET_NOT_FOUND',
      instance: '/v1/datasets/d-1?x=1',
      correlationId: 'c-1',
      datasetId: 'd-1',
    });
  });

  it('treats a 5xx AppError as ours: logged, but its code and detail are kept', () => {
    const { problem, internal } = mapExceptionToProblem(
      new AppError('UPSTREAM_MODEL_DOWN', 502, 'vLLM unreachable'),
      request,
    );
    expect(internal).toBe(true);
    expect(problem).toMatchObject({ status: 502, code: 'UPSTREAM_MODEL_DOWN', detail: 'vLLM unreachable' });
  });

  it('keeps an explicit code on a 500 HttpException (auth audit failure) but logs it', () => {
    const { problem, internal } = mapExceptionToProblem(
      new InternalServerErrorException({ code: 'AUTH_AUDIT_FAILED', detail: 'audit record not written' }),
      request,
    );
    expect(internal).toBe(true);
    expect(problem).toMatchObject({ status: 500, code: 'AUTH_AUDIT_FAILED' });
  });

  it('answers an error whose status is not an error status with a generic INTERNAL', () => {
    expect(mapExceptionToProblem(new AppError('WEIRD', 200, 'ok?'), request)).toMatchObject({
      internal: true,
      problem: { status: 500, code: 'INTERNAL' },
    });
  });

  it('answers anything unexpected with a generic INTERNAL', () => {
    for (const thrown of [
      new Error('secret'),
      'a string',
      undefined,
      new ZodSerializationException(new Error('x')),
    ]) {
      const { problem, internal } = mapExceptionToProblem(thrown, request);
      expect(internal).toBe(true);
      expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Internal server error' });
      expect(problem.detail).not.toContain('secret');
    }
  });

  it('tells an unknown route from a resource that was not found', () => {
    const notFound = new NotFoundException('Cannot GET /v1/nope');
    expect(mapExceptionToProblem(notFound, { ...request, routeNotFound: true }).problem.code).toBe(
      'ROUTE_NOT_FOUND',
    );
    expect(mapExceptionToProblem(notFound, request).problem.code).toBe('NOT_FOUND');
  });

  it('maps Fastify body-parser 400s to MALFORMED_BODY and other 400s to BAD_REQUEST', () => {
    const parserError = { name: 'FastifyError', code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 };
    expect(
      mapExceptionToProblem(new HttpException('Body cannot be empty', 400), {
        ...request,
        fastifyError: parserError,
      }).problem.code,
    ).toBe('MALFORMED_BODY');
    expect(
      mapExceptionToProblem(new BadRequestException(['a is bad', 'b is bad']), request).problem,
    ).toMatchObject({
      code: 'BAD_REQUEST',
      detail: 'a is bad; b is bad',
    });
  });

  it('gives codes to statuses nobody named, and a fallback for the rest', () => {
    expect(mapExceptionToProblem(new HttpException('slow down', 429), request).problem).toMatchObject({
      code: 'RATE_LIMITED',
      title: 'Rate limited',
    });
    expect(mapExceptionToProblem(new HttpException('teapot', 418), request).problem).toMatchObject({
      code: 'HTTP_418',
      title: "I'm a Teapot",
      type: 'https://llmops.dev/problems/http-418',
    });
  });
});
