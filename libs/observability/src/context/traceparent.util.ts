import { randomBytes } from 'node:crypto';

/** A parsed W3C Trace Context `traceparent` header (https://www.w3.org/TR/trace-context/). */
export interface Traceparent {
  version: string;
  /** 32 lowercase hex chars; shared by every span of one trace, across HTTP calls and Kafka events. */
  traceId: string;
  /** 16 lowercase hex chars; the span that sent this header (our parent). */
  spanId: string;
  /** 2 hex chars; bit 0 is "sampled". */
  flags: string;
  sampled: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/** Returns undefined for anything the spec says to ignore, so a bad header starts a new trace. */
export function parseTraceparent(header: string | null | undefined): Traceparent | undefined {
  if (!header) return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version = '', traceId = '', spanId = '', flags = '', rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields; later versions may append fields.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return undefined;
  return { version, traceId, spanId, flags, sampled: (parseInt(flags, 16) & 1) === 1 };
}

export function formatTraceparent(traceId: string, spanId: string, sampled: boolean): string {
  return `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`;
}

/** Starts a new trace (random trace id and span id), sampled unless told otherwise. */
export function newTraceparent(sampled = true): string {
  return formatTraceparent(randomHex(16), randomHex(8), sampled);
}

/**
 * The header for a span caused by `parent`: same trace id and sampling decision, new span id. An absent or
 * invalid parent starts a new trace, so callers never need to branch.
 */
export function childTraceparent(parent: string | Traceparent | null | undefined): string {
  const parsed = typeof parent === 'string' || parent == null ? parseTraceparent(parent) : parent;
  if (!parsed) return newTraceparent();
  return formatTraceparent(parsed.traceId, randomHex(8), parsed.sampled);
}

// Ids are minted per event and per span; one randomBytes call per id showed up at ~5 % of the messaging
// hot path's CPU, so ids are cut from a pool refilled 4 KiB at a time.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;

function randomHex(bytes: number): string {
  // All-zero ids are invalid; at 64+ random bits this loop practically never repeats.
  for (;;) {
    if (poolOffset + bytes > pool.length) {
      pool = randomBytes(POOL_SIZE);
      poolOffset = 0;
    }
    const hex = pool.toString('hex', poolOffset, poolOffset + bytes);
    poolOffset += bytes;
    if (!ALL_ZERO.test(hex)) return hex;
  }
}
