import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('is ok with no checks, and ok when every check passes', async () => {
    const readiness = new ReadinessRegistry();
    expect(await readiness.evaluate()).toEqual({ status: 'ok', checks: {} });
    readiness.register('database', () => Promise.resolve({ ok: true }));
    expect(await readiness.evaluate()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' } },
    });
  });

  it('bounds each check by the timeout and runs checks in parallel', async () => {
    const readiness = new ReadinessRegistry();
    readiness.register('kafka', () => new Promise(() => undefined));
    readiness.register('storage', () => new Promise(() => undefined));
    const started = Date.now();
    const report = await readiness.evaluate(50);
    expect(Date.now() - started).toBeLessThan(500);
    expect(report).toMatchObject({
      status: 'unavailable',
      checks: { kafka: { status: 'down', detail: 'timed out after 50 ms' }, storage: { status: 'down' } },
    });
  });

  it('reports a throwing check as down without exposing its message', async () => {
    const readiness = new ReadinessRegistry();
    readiness.register('database', () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')));
    const report = await readiness.evaluate();
    expect(report.status).toBe('unavailable');
    expect(JSON.stringify(report)).not.toContain('10.1.2.3');
  });

  it('rejects duplicate names and supports unregistering', async () => {
    const readiness = new ReadinessRegistry();
    const unregister = readiness.register('kafka', () => Promise.resolve({ ok: false }));
    expect(() => readiness.register('kafka', () => Promise.resolve({ ok: true }))).toThrow(
      /already registered/,
    );
    unregister();
    expect(readiness.names()).toEqual([]);
    expect((await readiness.evaluate()).status).toBe('ok');
  });

  it('reports shutting-down once shutdown began, whatever the checks say', async () => {
    const readiness = new ReadinessRegistry();
    readiness.register('database', () => Promise.resolve({ ok: true }));
    readiness.beginShutdown();
    expect((await readiness.evaluate()).status).toBe('shutting-down');
  });
});
