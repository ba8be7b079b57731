import { isConnectionError } from '@llmops/persistence';

/** Thrown by a handler when the failure is temporary and the message should be tried again later. */
export class TransientEventError extends Error {
  readonly code = 'EVENT_TRANSIENT';
}

/** Thrown by a handler when no retry can help: the message goes to the dead-letter topic at once. */
export class PermanentEventError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type FailureKind = 'infrastructure' | 'retryable' | 'permanent';

/**
 * The one place that decides what a handler failure means. Infrastructure outages (database or broker
 * unreachable) never dead-letter a message: it waits for the outage to end. Everything else is retried
 * a bounded number of times, then dead-lettered so the partition keeps flowing.
 */
export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof PermanentEventError) return 'permanent';
  if (error instanceof TransientEventError || isConnectionError(error)) return 'infrastructure';
  if (error instanceof Error && /^KafkaJS/.test(error.name)) return 'infrastructure';
  return 'retryable';
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) ? code : 'HANDLER_FAILED';
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
