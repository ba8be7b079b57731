import { AsyncLocalStorage } from 'node:async_hooks';
import { v7 as uuidv7 } from 'uuid';
import { newTraceparent } from './traceparent.util';

/** What travels with one unit of work (an HTTP request, a consumed event) through every await. */
export interface RequestContextData {
  /** Same value across every request and event of one business flow; ends up on every log line. */
  readonly correlationId: string;
  /** W3C traceparent of the current span; outgoing calls and events send a child of it. */
  readonly traceparent: string;
  /** Id of the event (or request) that caused this work, when it was caused by an event. */
  readonly causationId?: string;
}

/**
 * Async-local request context. HTTP hooks open one per request; messaging opens one per consumed event
 * (from the event headers) and reads it when publishing, so correlation survives process boundaries
 * without threading ids through every method signature.
 */
export class RequestContext {
  private static readonly storage = new AsyncLocalStorage<RequestContextData>();

  /** The context of the work in progress, or undefined outside any request/event handler. */
  static current(): RequestContextData | undefined {
    return RequestContext.storage.getStore();
  }

  /** Runs `fn` (and everything it awaits or schedules) inside `context`. */
  static run<R>(context: RequestContextData, fn: () => R): R {
    return RequestContext.storage.run(context, fn);
  }

  /** A complete context from what is known; missing ids start a new flow (UUIDv7) and a new trace. */
  static create(init: Partial<RequestContextData> = {}): RequestContextData {
    const context = {
      correlationId: init.correlationId ?? uuidv7(),
      traceparent: init.traceparent ?? newTraceparent(),
    };
    return init.causationId === undefined ? context : { ...context, causationId: init.causationId };
  }
}
