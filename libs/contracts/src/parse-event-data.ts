import { type FieldIssue, formatFieldIssues, toFieldIssues } from './format-issues';
import { type EventPayload, getEventDefinition, type TopicName } from './topic-registry';

/** The outcome of validating a payload; never an exception. */
export type ParseEventDataResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** `invalid payload for <topic>: <path>: <message>; ...`, or `unknown topic <topic>`. */
      error: string;
      /** One entry per failing field (empty for an unknown topic). */
      issues: readonly FieldIssue[];
    };

/**
 * Validates `data` against the schema of `topic`. Unknown fields are dropped from the result (tolerant
 * reader), so an additive field in a newer producer does not break an older consumer.
 */
export function parseEventData<T extends TopicName>(
  topic: T,
  data: unknown,
): ParseEventDataResult<EventPayload<T>>;
export function parseEventData(topic: string, data: unknown): ParseEventDataResult<unknown>;
export function parseEventData(topic: string, data: unknown): ParseEventDataResult<unknown> {
  const definition = getEventDefinition(topic);
  if (definition === undefined) return { ok: false, error: `unknown topic ${topic}`, issues: [] };
  const parsed = definition.schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = toFieldIssues(parsed.error.issues);
  return { ok: false, error: `invalid payload for ${topic}: ${formatFieldIssues(issues)}`, issues };
}
