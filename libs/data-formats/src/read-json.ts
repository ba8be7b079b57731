import { describeType } from './coerce-field';
import { JsonArraySplitter } from './json-array-splitter';
import { LineSplitter } from './line-splitter';
import { mapRow } from './map-row';
import { rejectAt, type ReadContext, type ReadResult } from './read-context';

const BYTE_ORDER_MARK = '\uFEFF';

/** Parse one JSON text into a record (or a reject naming the line and the JSON error). */
function mapJson(text: string, line: number, bytes: Buffer, context: ReadContext): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return rejectAt(context, 'invalid-json', (error as Error).message, line, bytes);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return rejectAt(
      context,
      'not-an-object',
      `expected a JSON object, got ${describeType(value)}`,
      line,
      bytes,
    );
  }
  return mapRow(value as Record<string, unknown>, context.mapping, { file: context.file, line });
}

/** Read JSON Lines: one object per line, blank lines skipped, each problem line rejected on its own. */
export async function* readJsonLines(
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  // A fatal decoder turns invalid UTF-8 into a reject instead of silently writing U+FFFD into the dataset.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const splitter = new LineSplitter(context.limits.maxLineBytes);
  const max = context.limits.maxLineBytes;
  function* handle(events: ReturnType<LineSplitter['push']>): Generator<ReadResult> {
    for (const event of events) {
      if (event.kind === 'too-long') {
        yield rejectAt(
          context,
          'line-too-long',
          `line is ${event.bytes} bytes, over the ${max}-byte limit`,
          event.line,
          event.head,
        );
        continue;
      }
      if (event.bytes.length === 0) continue;
      let text: string;
      try {
        text = decoder.decode(event.bytes);
      } catch {
        yield rejectAt(context, 'invalid-utf8', 'line is not valid UTF-8', event.line, event.bytes);
        continue;
      }
      if (event.line === 1 && text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
      if (text.trim() === '') continue;
      yield mapJson(text, event.line, event.bytes, context);
    }
  }
  for await (const chunk of chunks) yield* handle(splitter.push(chunk));
  yield* handle(splitter.end());
}

/** Read a `.json` file holding one array of objects, element by element. */
export async function* readJsonArray(
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const splitter = new JsonArraySplitter(context.limits.maxRecordBytes);
  const max = context.limits.maxRecordBytes;
  function* handle(events: ReturnType<JsonArraySplitter['push']>): Generator<ReadResult> {
    for (const event of events) {
      switch (event.kind) {
        case 'malformed':
          yield rejectAt(context, 'invalid-json', event.message, event.line);
          break;
        case 'too-large':
          yield rejectAt(
            context,
            'record-too-large',
            `array element ${event.index} is ${event.bytes} bytes, over the ${max}-byte limit`,
            event.line,
          );
          break;
        case 'element': {
          let text: string;
          try {
            text = decoder.decode(event.bytes);
          } catch {
            yield rejectAt(
              context,
              'invalid-utf8',
              `array element ${event.index} is not valid UTF-8`,
              event.line,
              event.bytes,
            );
            break;
          }
          yield mapJson(text, event.line, event.bytes, context);
          break;
        }
      }
    }
  }
  for await (const chunk of chunks) yield* handle(splitter.push(chunk));
  yield* handle(splitter.end());
}
