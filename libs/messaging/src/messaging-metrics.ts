import type { MetricsRegistry } from '@llmops/observability';
import type { DeliveryOutcome } from './consumer/event-consumer';

/** What messaging reports to Prometheus; a no-op where no registry is present (tests, benchmarks). */
export interface MessagingMetrics {
  published(service: string, count: number): void;
  delivered(group: string, topic: string, outcome: DeliveryOutcome, seconds: number): void;
}

export const noMessagingMetrics: MessagingMetrics = {
  published: () => undefined,
  delivered: () => undefined,
};

export function prometheusMessagingMetrics(registry: MetricsRegistry): MessagingMetrics {
  const published = registry.counter({
    name: 'llmops_outbox_events_published_total',
    help: 'Events the outbox relay handed to the transport, per publishing service.',
    labelNames: ['publisher'],
  });
  const delivered = registry.counter({
    name: 'llmops_events_delivered_total',
    help: 'Events delivered to a consumer group, by outcome (handled, duplicate, dead-lettered, ignored).',
    labelNames: ['group', 'topic', 'outcome'],
  });
  const duration = registry.histogram({
    name: 'llmops_event_handling_seconds',
    help: 'Time from receiving an event to its outcome, including retries.',
    labelNames: ['group', 'topic'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30],
  });
  return {
    published: (publisher, count) => {
      published.inc({ publisher }, count);
    },
    delivered: (group, topic, outcome, seconds) => {
      delivered.inc({ group, topic, outcome });
      duration.observe({ group, topic }, seconds);
    },
  };
}
