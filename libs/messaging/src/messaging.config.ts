import { z } from 'zod';

/** How events travel: a Kafka cluster (distributed mode) or the in-process bus (standalone mode). */
export const messagingConfigSchema = z.object({
  transport: z.enum(['kafka', 'in-process']),
  brokers: z.array(z.string().min(1)).default([]),
  clientId: z.string().min(1).default('llmops'),
  /** Prepended to every Kafka topic name on the wire, to share one cluster between isolated installs (tests, tenants). */
  topicPrefix: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  /** Partitions for topics this process provisions at boot. */
  partitions: z.number().int().min(1).max(256).default(3),
  /** Handler attempts before a message goes to the dead-letter topic. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
  /** First retry delay; doubles per attempt. */
  retryBackoffMs: z.number().int().min(0).max(60_000).default(100),
  /** Outbox relay: rows per publish batch and the fallback polling interval. */
  relayBatchSize: z.number().int().min(1).max(10_000).default(500),
  relayPollMs: z.number().int().min(5).max(60_000).default(250),
});

export type MessagingConfig = z.infer<typeof messagingConfigSchema>;

/** `KAFKA_BROKERS` selects Kafka; without it the in-process transport is used. */
export function messagingConfigFromEnv(env: NodeJS.ProcessEnv): MessagingConfig {
  const brokers = (env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const int = (name: string): number | undefined => (env[name] ? Number(env[name]) : undefined);
  return messagingConfigSchema.parse({
    transport: brokers.length > 0 ? 'kafka' : 'in-process',
    brokers,
    clientId: env['KAFKA_CLIENT_ID'],
    topicPrefix: env['KAFKA_TOPIC_PREFIX'],
    partitions: int('KAFKA_TOPIC_PARTITIONS'),
    maxAttempts: int('EVENT_MAX_ATTEMPTS'),
    retryBackoffMs: int('EVENT_RETRY_BACKOFF_MS'),
    relayBatchSize: int('OUTBOX_BATCH_SIZE'),
    relayPollMs: int('OUTBOX_POLL_MS'),
  });
}
