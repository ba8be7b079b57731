import { createHash } from 'node:crypto';

import {
  ChatMessageSchema,
  RecordProvenanceSchema,
  type ChatMessage,
  type JsonValue,
} from '@llmops/contracts';

import { coerceField, describeType } from './coerce-field';
import type { DataRecord, DataRecordProvenance, RecordContent, RecordReject } from './data-record';
import type { RecordMapping } from './record-mapping';
import type { RecordRejectReason } from './record-reject-reason';
import { toJsonValue } from './to-json-value';

/** Where a row sits in its input; named in reject messages and kept in provenance. */
export interface RowLocation {
  file?: string;
  /** 1-based line (JSONL, CSV, text) or row (Parquet). */
  line?: number;
  /** What `line` counts, for messages: `line 12` or `row 12`. Defaults to line. */
  unit?: 'line' | 'row';
}

export type MapRowResult = { record: DataRecord } | { reject: RecordReject };

/** Producer named in provenance when neither the mapping nor the reader was given one. */
export const DEFAULT_PRODUCER = 'unknown';

const RAW_PREVIEW_CHARS = 200;

const PROVENANCE_KEYS = ['license', 'author', 'uri', 'collectedAt'] as const;

/** A row problem; thrown inside this module only, so that each check stays one line at its call site. */
class RowProblem extends Error {
  constructor(
    readonly reason: RecordRejectReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

type Row = Record<string, unknown>;

/** An own property of a row. Inherited members (`constructor`, `toString`) are functions, which no row holds. */
function own(row: Row, name: string): unknown {
  // Faster than Object.hasOwn on this hot path (several lookups per row).
  const value = name === '__proto__' ? (Object.hasOwn(row, name) ? row[name] : undefined) : row[name];
  return typeof value === 'function' ? undefined : value;
}

function lookup(row: Row, name: string): unknown {
  const value = own(row, name);
  if (value !== undefined || !name.includes('.')) return value;
  let current: unknown = row;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = own(current as Row, part);
  }
  return current;
}

function read(row: Row, name: string, mapping: RecordMapping): unknown {
  const value = lookup(row, name);
  const to = mapping.coerce[name];
  if (to === undefined) return value;
  const result = coerceField(value, to);
  if (result.ok) return result.value;
  const detail = result.detail === undefined ? '' : ` (${result.detail})`;
  throw new RowProblem(
    'type-mismatch',
    `field "${name}" is ${describeType(value)}, expected ${result.expected}${detail}`,
  );
}

function present(row: Row, name: string): boolean {
  const value = lookup(row, name);
  return value !== undefined && value !== null;
}

function readText(row: Row, name: string, mapping: RecordMapping, allowEmpty: boolean): string {
  const value = read(row, name, mapping);
  if (value === undefined || value === null)
    throw new RowProblem('missing-field', `field "${name}" is missing`);
  if (typeof value !== 'string') {
    throw new RowProblem('type-mismatch', `field "${name}" is ${describeType(value)}, expected a string`);
  }
  if (!allowEmpty && value.trim() === '') throw new RowProblem('empty-field', `field "${name}" is empty`);
  return value;
}

function parseMessages(name: string, value: unknown): ChatMessage[] {
  let messages = value;
  // CSV cells and some exports carry the conversation as a JSON string.
  if (typeof messages === 'string') {
    try {
      messages = JSON.parse(messages) as unknown;
    } catch {
      throw new RowProblem(
        'type-mismatch',
        `field "${name}" is a string that is not JSON, expected an array of messages`,
      );
    }
  }
  if (!Array.isArray(messages)) {
    throw new RowProblem(
      'type-mismatch',
      `field "${name}" is ${describeType(messages)}, expected an array of messages`,
    );
  }
  if (messages.length === 0) throw new RowProblem('empty-field', `field "${name}" has no messages`);
  return messages.map((message: unknown, index) => {
    const parsed = ChatMessageSchema.safeParse(message);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    const where = path === '' ? `field "${name}"[${index}]` : `field "${name}"[${index}].${path}`;
    throw new RowProblem('invalid-message', `${where}: ${issue?.message ?? 'not a chat message'}`);
  });
}

function readMessages(row: Row, name: string, mapping: RecordMapping): ChatMessage[] {
  const value = read(row, name, mapping);
  if (value === undefined || value === null)
    throw new RowProblem('missing-field', `field "${name}" is missing`);
  return parseMessages(name, value);
}

function fieldNames(mapping: RecordMapping) {
  const { fields } = mapping;
  return {
    text: fields.text ?? 'text',
    prompt: fields.prompt ?? 'prompt',
    completion: fields.completion ?? 'completion',
    messages: fields.messages ?? 'messages',
    chosen: fields.chosen ?? 'chosen',
    rejected: fields.rejected ?? 'rejected',
  };
}

type Names = ReturnType<typeof fieldNames>;
type Shape = RecordContent['kind'];

function detectShape(row: Row, names: Names): Shape {
  if (present(row, names.messages)) return 'chat';
  if (present(row, names.prompt) && present(row, names.chosen) && present(row, names.rejected))
    return 'preference';
  if (present(row, names.prompt) && present(row, names.completion)) return 'prompt-completion';
  if (present(row, names.text)) return 'text';
  const keys = Object.keys(row)
    .slice(0, 10)
    .map((key) => `"${key}"`);
  throw new RowProblem(
    'unknown-shape',
    `cannot tell the record shape from fields ${keys.join(', ') || '(none)'}; expected ` +
      `"${names.text}", "${names.prompt}"+"${names.completion}", "${names.messages}", ` +
      `or "${names.prompt}"+"${names.chosen}"+"${names.rejected}"`,
  );
}

function buildContent(row: Row, mapping: RecordMapping, names: Names, used: Set<string>): RecordContent {
  const shape = mapping.shape === 'auto' ? detectShape(row, names) : mapping.shape;
  switch (shape) {
    case 'text':
      used.add(names.text);
      return { kind: 'text', text: readText(row, names.text, mapping, false) };
    case 'prompt-completion':
      used.add(names.prompt).add(names.completion);
      return {
        kind: 'prompt-completion',
        prompt: readText(row, names.prompt, mapping, false),
        completion: readText(row, names.completion, mapping, true),
      };
    case 'chat':
      used.add(names.messages);
      return { kind: 'chat', messages: readMessages(row, names.messages, mapping) };
    case 'preference': {
      used.add(names.prompt).add(names.chosen).add(names.rejected);
      const rawPrompt = read(row, names.prompt, mapping);
      const isChat =
        Array.isArray(rawPrompt) || (typeof rawPrompt === 'string' && rawPrompt.trimStart().startsWith('[{'));
      return {
        kind: 'preference',
        prompt: isChat ? parseMessages(names.prompt, rawPrompt) : readText(row, names.prompt, mapping, false),
        chosen: readText(row, names.chosen, mapping, true),
        rejected: readText(row, names.rejected, mapping, true),
      };
    }
  }
}

function readId(row: Row, mapping: RecordMapping, used: Set<string>): string | undefined {
  const name = mapping.idField ?? (present(row, 'id') ? 'id' : undefined);
  if (name === undefined) return undefined;
  used.add(name);
  const value = read(row, name, mapping);
  if (value === undefined || value === null)
    throw new RowProblem('missing-field', `field "${name}" is missing`);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'string') throw new RowProblem('empty-field', `field "${name}" is empty`);
  throw new RowProblem(
    'type-mismatch',
    `field "${name}" is ${describeType(value)}, expected a string or number id`,
  );
}

function derivedId(location: RowLocation, content: RecordContent): string {
  if (location.line !== undefined) return `${location.file ?? 'input'}:${location.line}`;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

function buildProvenance(
  row: Row,
  mapping: RecordMapping,
  location: RowLocation,
  used: Set<string>,
): DataRecordProvenance {
  const provenance: DataRecordProvenance = {
    ...mapping.provenance,
    producer: mapping.provenance.producer ?? DEFAULT_PRODUCER,
  };
  let fromRow = false;
  for (const key of PROVENANCE_KEYS) {
    const name = mapping.provenanceFields[key];
    if (name === undefined) continue;
    used.add(name);
    const value = read(row, name, mapping);
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') {
      throw new RowProblem(
        'invalid-provenance',
        `field "${name}" is ${describeType(value)}, expected a string`,
      );
    }
    provenance[key] = value;
    fromRow = true;
  }
  if (fromRow) {
    const parsed = RecordProvenanceSchema.safeParse(provenance);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = String(issue?.path[0] ?? '');
      const known = PROVENANCE_KEYS.find((k) => k === key);
      const field = (known && mapping.provenanceFields[known]) ?? key;
      throw new RowProblem(
        'invalid-provenance',
        `field "${field}": ${issue?.message ?? 'invalid provenance'}`,
      );
    }
  }
  if (location.file !== undefined) provenance.file = location.file;
  if (location.line !== undefined) provenance.line = location.line;
  return provenance;
}

function buildMetadata(row: Row, mapping: RecordMapping, used: Set<string>): Record<string, JsonValue> {
  const metadata: Record<string, JsonValue> = {};
  const names =
    mapping.metadataFields === 'rest'
      ? Object.keys(row).filter((key) => !used.has(key))
      : mapping.metadataFields;
  for (const name of names) {
    const value = toJsonValue(read(row, name, mapping));
    if (value !== undefined) metadata[name] = value;
  }
  return metadata;
}

function rawPreview(row: Row): string | undefined {
  const json = toJsonValue(row);
  return json === undefined ? undefined : JSON.stringify(json).slice(0, RAW_PREVIEW_CHARS);
}

/** "line 12: " or "row 12: " (or nothing when the location has no line), prefixed to reject messages. */
export function locationPrefix(location: RowLocation): string {
  return location.line === undefined ? '' : `${location.unit ?? 'line'} ${location.line}: `;
}

/**
 * Turn one raw row into a record, or into a reject whose message names the row and the field
 * (`line 12: field "answer" is missing`). Pass a parsed mapping (`RecordMappingSchema.parse`).
 */
export function mapRow(
  row: Record<string, unknown>,
  mapping: RecordMapping,
  location: RowLocation = {},
): MapRowResult {
  try {
    const used = new Set<string>();
    const names = fieldNames(mapping);
    const content = buildContent(row, mapping, names, used);
    const id = readId(row, mapping, used) ?? derivedId(location, content);
    const provenance = buildProvenance(row, mapping, location, used);
    const metadata = buildMetadata(row, mapping, used);
    return { record: { id, content, metadata, provenance } };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    const reject: RecordReject = {
      reason: error.reason,
      message: `${locationPrefix(location)}${error.detail}`,
    };
    if (location.file !== undefined) reject.file = location.file;
    if (location.line !== undefined) reject.line = location.line;
    const raw = rawPreview(row);
    if (raw !== undefined) reject.raw = raw;
    return { reject };
  }
}
