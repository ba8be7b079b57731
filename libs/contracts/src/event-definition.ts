import type { z } from 'zod';

import type { ServiceName } from './services';

/** Kebab-case event name: past-tense fact (`run-completed`) or, for input topics, a noun (`records`). */
const EVENT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** What a contract author writes; {@link defineEvent} derives the wire names from it. */
export interface EventSpec<
  Svc extends ServiceName,
  Evt extends string,
  V extends number,
  S extends z.ZodObject,
> {
  /** The service that owns the topic (and, except for input topics, publishes it). */
  readonly service: Svc;
  /** Kebab-case event name. */
  readonly event: Evt;
  /** Schema version; a breaking change is a new definition with `version + 1`, beside this one. */
  readonly version: V;
  /** The payload schema (the CloudEvents `data`). */
  readonly schema: S;
  /** One or two sentences: what happened, when it is published. */
  readonly description: string;
  /** Short phrase naming what the message key / `ce_subject` identifies, e.g. "the dataset". */
  readonly aggregate: string;
  /** The aggregate id of a payload: the Kafka message key and the envelope's `ce_subject`. */
  keyOf(data: z.output<S>): string;
  /** True for topics that systems outside llmops write (the platform's inputs). */
  readonly input?: boolean;
}

/** A registered event version with its derived topic and CloudEvents names. */
export interface EventDefinition<
  Svc extends ServiceName = ServiceName,
  Evt extends string = string,
  V extends number = number,
  S extends z.ZodObject = z.ZodObject,
> {
  /** The service that owns the topic. */
  readonly service: Svc;
  /** Kebab-case event name. */
  readonly event: Evt;
  /** Schema version. */
  readonly version: V;
  /** Kafka topic: `llmops.<service>.<event>.v<version>`. */
  readonly topic: `llmops.${Svc}.${Evt}.v${V}`;
  /** CloudEvents `type`: `io.llmops.<service>.<event>.v<version>`. */
  readonly type: `io.llmops.${Svc}.${Evt}.v${V}`;
  /** CloudEvents `source` the owning service writes: `/llmops/<service>`. */
  readonly source: `/llmops/${Svc}`;
  /** The payload schema. */
  readonly schema: S;
  /** What happened, when it is published. */
  readonly description: string;
  /** What the message key / `ce_subject` identifies. */
  readonly aggregate: string;
  /** The aggregate id of a payload: the Kafka message key and the envelope's `ce_subject`. */
  keyOf(data: z.output<S>): string;
  /** True for topics that systems outside llmops write. */
  readonly input: boolean;
}

/**
 * Declares one event version. Names are derived, never typed by hand, so topic, CloudEvents type and source
 * cannot drift apart. Throws at module load on a malformed name (a programming error, caught by any test).
 */
export function defineEvent<
  const Svc extends ServiceName,
  const Evt extends string,
  const V extends number,
  S extends z.ZodObject,
>(spec: EventSpec<Svc, Evt, V, S>): EventDefinition<Svc, Evt, V, S> {
  if (!EVENT_NAME.test(spec.event)) throw new Error(`event name must be kebab-case: "${spec.event}"`);
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`event version must be an integer >= 1: ${String(spec.version)}`);
  }
  const suffix = `${spec.service}.${spec.event}.v${String(spec.version)}` as const;
  return Object.freeze({
    service: spec.service,
    event: spec.event,
    version: spec.version,
    topic: `llmops.${suffix}` as `llmops.${Svc}.${Evt}.v${V}`,
    type: `io.llmops.${suffix}` as `io.llmops.${Svc}.${Evt}.v${V}`,
    source: `/llmops/${spec.service}` as const,
    schema: spec.schema,
    description: spec.description,
    aggregate: spec.aggregate,
    keyOf: (data: z.output<S>) => spec.keyOf(data),
    input: spec.input ?? false,
  });
}
