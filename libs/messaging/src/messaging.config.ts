import { z } from 'zod';
import { envInt, envList, parseConfig } from '@llmops/config';

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
  /** Most messages a consumer applies in one transaction (the common, failure-free case). */
  consumerBatchSize: z.number().int().min(1).max(1000).default(100),
  relayPollMs: z.number().int().min(5).max(60_000).default(250),
});

export type MessagingConfig = z.infer<typeof messagingConfigSchema>;

const messagingEnvSchema = z.object({
  KAFKA_BROKERS: envList().optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('llmops'),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, dot, dash, underscore')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: envInt(1, 256).default(3),
  EVENT_MAX_ATTEMPTS: envInt(1, 20).default(3),
  EVENT_RETRY_BACKOFF_MS: envInt(0, 60_000).default(100),
  OUTBOX_BATCH_SIZE: envInt(1, 10_000).default(500),
  OUTBOX_POLL_MS: envInt(5, 60_000).default(250),
  EVENT_CONSUMER_BATCH_SIZE: envInt(1, 1000).default(100),
});

/** `KAFKA_BROKERS` selects Kafka; without it the in-process transport is used. Errors name the variable. */
export function messagingConfigFromEnv(env: NodeJS.ProcessEnv): MessagingConfig {
  const e = parseConfig(messagingEnvSchema, env);
  const brokers = e.KAFKA_BROKERS ?? [];
  return messagingConfigSchema.parse({
    transport: brokers.length > 0 ? 'kafka' : 'in-process',
    brokers,
    clientId: e.KAFKA_CLIENT_ID,
    topicPrefix: e.KAFKA_TOPIC_PREFIX,
    partitions: e.KAFKA_TOPIC_PARTITIONS,
    maxAttempts: e.EVENT_MAX_ATTEMPTS,
    retryBackoffMs: e.EVENT_RETRY_BACKOFF_MS,
    relayBatchSize: e.OUTBOX_BATCH_SIZE,
    relayPollMs: e.OUTBOX_POLL_MS,
    consumerBatchSize: e.EVENT_CONSUMER_BATCH_SIZE,
  });
}
