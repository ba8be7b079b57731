import { resolveHttpRequestContext } from './http-request-context.util';
import { RequestContext } from './request-context.store';
import { parseTraceparent } from './traceparent.util';

describe('RequestContext', () => {
  it('is undefined outside any unit of work', () => {
    expect(RequestContext.current()).toBeUndefined();
  });

  it('follows the work through awaits, timers and nested runs', async () => {
    const outer = RequestContext.create({ correlationId: 'outer' });
    const inner = RequestContext.create({ correlationId: 'inner', causationId: 'event-1' });
    await RequestContext.run(outer, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(RequestContext.current()).toBe(outer);
      await RequestContext.run(inner, async () => {
        await Promise.resolve();
        expect(RequestContext.current()).toEqual(
          expect.objectContaining({ correlationId: 'inner', causationId: 'event-1' }),
        );
      });
      expect(RequestContext.current()).toBe(outer);
    });
    expect(RequestContext.current()).toBeUndefined();
  });

  it('keeps concurrent units of work apart', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map((id, index) =>
        RequestContext.run(RequestContext.create({ correlationId: id }), async () => {
          await new Promise((resolve) => setTimeout(resolve, 3 - index));
          return RequestContext.current()?.correlationId;
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('create fills a UUIDv7 correlation id and a new trace, and omits an absent causation id', () => {
    const context = RequestContext.create();
    expect(context.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(parseTraceparent(context.traceparent)).toBeDefined();
    expect('causationId' in context).toBe(false);
  });
});

describe('resolveHttpRequestContext', () => {
  it('computes the context once per request object', () => {
    const request = { headers: {} };
    expect(resolveHttpRequestContext(request)).toBe(resolveHttpRequestContext(request));
    expect(resolveHttpRequestContext({ headers: {} }).correlationId).not.toBe(
      resolveHttpRequestContext(request).correlationId,
    );
  });

  it('prefers x-correlation-id over x-request-id and ignores unsafe values', () => {
    expect(
      resolveHttpRequestContext({ headers: { 'x-correlation-id': 'c-1', 'x-request-id': 'r-1' } })
        .correlationId,
    ).toBe('c-1');
    expect(resolveHttpRequestContext({ headers: { 'x-request-id': 'r-1' } }).correlationId).toBe('r-1');
    expect(resolveHttpRequestContext({ headers: { 'x-correlation-id': 'a b\nc' } }).correlationId).not.toBe(
      'a b\nc',
    );
  });
});
