import { dlqTopic } from '@llmops/contracts';
import type { ReceivedMessage, WireMessage } from '../transport/event-transport';

/** Headers added to a dead-lettered message; the original headers and value are kept as they were. */
export const DLQ_HEADERS = {
  errorCode: 'llmops_dlq_error_code',
  errorMessage: 'llmops_dlq_error_message',
  originalTopic: 'llmops_dlq_original_topic',
  originalPartition: 'llmops_dlq_original_partition',
  originalOffset: 'llmops_dlq_original_offset',
  consumerGroup: 'llmops_dlq_consumer_group',
  attempts: 'llmops_dlq_attempts',
  failedAt: 'llmops_dlq_failed_at',
} as const;

export function deadLetterMessage(
  message: ReceivedMessage,
  groupId: string,
  failure: { code: string; message: string; attempts: number },
): WireMessage {
  return {
    topic: dlqTopic(groupId),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.errorCode]: failure.code,
      [DLQ_HEADERS.errorMessage]: failure.message,
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: groupId,
      [DLQ_HEADERS.attempts]: String(failure.attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}
