import { Registry } from 'prom-client';
import { MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('returns the existing metric when two modules ask for the same name', async () => {
    const metrics = MetricsRegistry.forService('ingestion', {
      registry: new Registry(),
      defaultMetrics: false,
    });
    const first = metrics.counter({
      name: 'llmops_events_published_total',
      help: 'Events published',
      labelNames: ['topic'],
    });
    const second = metrics.counter({
      name: 'llmops_events_published_total',
      help: 'Events published',
      labelNames: ['topic'],
    });
    expect(second).toBe(first);
    first.inc({ topic: 'llmops.ingestion.dataset-version-created.v1' });
    second.inc({ topic: 'llmops.ingestion.dataset-version-created.v1' });
    expect(await metrics.metrics()).toContain(
      'llmops_events_published_total{topic="llmops.ingestion.dataset-version-created.v1",service="ingestion"} 2',
    );
  });

  it('refuses a name that is already taken by another metric type', () => {
    const metrics = MetricsRegistry.forService('x', { registry: new Registry(), defaultMetrics: false });
    metrics.gauge({ name: 'llmops_queue_depth', help: 'depth' });
    expect(() => metrics.counter({ name: 'llmops_queue_depth', help: 'depth' })).toThrow(/another type/);
  });

  it('lets several services share one registry without duplicate default metrics', async () => {
    const registry = new Registry();
    const first = MetricsRegistry.forService('standalone', { registry });
    const second = MetricsRegistry.forService('training', { registry });
    expect(second.registry).toBe(first.registry);
    expect(second.serviceName).toBe('standalone');
    const text = await first.metrics();
    expect(text).toContain('llmops_process_cpu_user_seconds_total');
    expect(text).toContain('service="standalone"');
    expect(first.contentType).toContain('text/plain');
  });

  it('defaults to one registry per process', () => {
    const first = MetricsRegistry.forService('a', { defaultMetrics: false });
    const second = MetricsRegistry.forService('b', { defaultMetrics: false });
    expect(second.registry).toBe(first.registry);
  });
});
