import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { ReadinessModule, ReadinessRegistry } from '@llmops/observability';
import { createTestApp, type TestApp } from '../../test/create-test-app.util';

/** Stands in for an infra lib (messaging, storage) that contributes a check without importing http. */
@Injectable()
class FakeKafkaCheck implements OnModuleInit {
  static healthy = true;
  constructor(private readonly readiness: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness.register('kafka', () =>
      Promise.resolve(FakeKafkaCheck.healthy ? { ok: true } : { ok: false, detail: 'no brokers reachable' }),
    );
  }
}

@Module({ imports: [ReadinessModule], providers: [FakeKafkaCheck] })
class FakeMessagingModule {}

describe('HealthController', () => {
  let t: TestApp;
  let hangingCheckEnabled = false;

  beforeAll(async () => {
    t = await createTestApp([FakeMessagingModule], {
      health: {
        timeoutMs: 100,
        checks: [
          { name: 'database', check: () => Promise.resolve({ ok: true }) },
          {
            name: 'storage',
            check: () =>
              hangingCheckEnabled
                ? new Promise(() => undefined)
                : Promise.resolve({ ok: true, detail: 'bucket llmops' }),
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await t.app.close();
  });

  beforeEach(() => {
    FakeKafkaCheck.healthy = true;
    hangingCheckEnabled = false;
  });

  it('reports live while the process runs', async () => {
    const response = await t.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is ready when every check passes, including checks registered by other modules', async () => {
    const response = await t.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'up' },
        storage: { status: 'up', detail: 'bucket llmops' },
        kafka: { status: 'up' },
      },
    });
  });

  it('answers 503 with per-check details when a check fails', async () => {
    FakeKafkaCheck.healthy = false;
    const response = await t.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'unavailable',
      checks: { database: { status: 'up' }, kafka: { status: 'down', detail: 'no brokers reachable' } },
    });
  });

  it('answers 503 when a check hangs past its timeout, without hanging itself', async () => {
    hangingCheckEnabled = true;
    const started = Date.now();
    const response = await t.inject({ method: 'GET', url: '/health/ready' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      checks: { storage: { status: 'down', detail: 'timed out after 100 ms' } },
    });
  });
});
