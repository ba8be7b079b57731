import { Writable } from 'node:stream';
import { RequestContext } from '../context/request-context.store';
import { createLogger } from './create-logger-module.util';

function capture(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service and, inside a context, correlation, trace and causation ids', () => {
    const { stream, lines } = capture();
    const logger = createLogger('training', 'info', stream);
    logger.info('outside');
    RequestContext.run(
      {
        correlationId: 'c-1',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        causationId: 'e-1',
      },
      () => {
        logger.child({ component: 'consumer' }).info('inside');
      },
    );
    expect(lines[0]).toMatchObject({ service: 'training', level: 'info', msg: 'outside' });
    expect(lines[0]).not.toHaveProperty('correlationId');
    expect(lines[1]).toMatchObject({
      service: 'training',
      component: 'consumer',
      correlationId: 'c-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      causationId: 'e-1',
    });
  });

  it('redacts credentials wherever headers are logged', () => {
    const { stream, lines } = capture();
    createLogger('serving', 'info', stream).info(
      {
        headers: { authorization: 'Bearer t', 'x-api-key': 'k', cookie: 'c' },
        upstream: { headers: { authorization: 'x' } },
      },
      'call',
    );
    expect(JSON.stringify(lines[0])).not.toMatch(/Bearer t|"k"|"c"|"x"/);
  });
});
