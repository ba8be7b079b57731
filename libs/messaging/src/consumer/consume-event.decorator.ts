import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { RethrowEventErrorsFilter } from './rethrow-event-errors.filter';
import type { TopicName } from '@llmops/contracts';

/** The pattern a consumer handler is registered under: which service consumes which topic. */
export interface ConsumerPattern {
  consumer: string;
  topic: TopicName;
}

/**
 * Declares an event handler the Nest way (`@EventPattern`), scoped to one consuming service: in
 * standalone mode every service's handlers live in one application, and each service's event server
 * picks only its own (its consumer group, its idempotency store).
 */
export const ConsumeEvent = (consumer: string, topic: TopicName): MethodDecorator =>
  applyDecorators(
    EventPattern({ consumer, topic } satisfies ConsumerPattern),
    UseFilters(RethrowEventErrorsFilter),
  );

export function parseConsumerPattern(pattern: string): ConsumerPattern | undefined {
  try {
    const value = JSON.parse(pattern) as Partial<ConsumerPattern> | null;
    if (typeof value?.consumer === 'string' && typeof value.topic === 'string') {
      return { consumer: value.consumer, topic: value.topic };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}
