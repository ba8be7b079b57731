import { LineSplitter, type LineEvent } from './line-splitter';
import { mapRow } from './map-row';
import { rejectAt, type ReadContext, type ReadResult } from './read-context';
import type { RecordMapping } from './record-mapping';

const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * Read plain text or Markdown as text records: the whole file as one record, one per paragraph (blocks
 * separated by blank lines; in Markdown a fenced code block is never split), or one per non-blank line.
 * Text is kept as written, Markdown syntax included: what to strip is a cleaning decision, not a reader's.
 */
export async function* readText(
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
  markdown: boolean,
): AsyncGenerator<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const { limits, textUnit } = context;
  // Text rows carry only the text: the mapping contributes provenance defaults and nothing else.
  const mapping: RecordMapping = {
    ...context.mapping,
    shape: 'text',
    fields: {},
    idField: undefined,
    metadataFields: [],
    coerce: {},
    provenanceFields: {},
  };
  const splitter = new LineSplitter(
    textUnit === 'line' ? limits.maxLineBytes : Math.max(limits.maxLineBytes, limits.maxRecordBytes),
  );
  let parts: string[] = [];
  let bytes = 0;
  let startLine = 0;
  let inFence = false;
  let problem: ReadResult | undefined;

  function* finish(): Generator<ReadResult> {
    const text = parts.join('\n');
    const result =
      problem ??
      (text.trim() === '' ? undefined : mapRow({ text }, mapping, { file: context.file, line: startLine }));
    parts = [];
    bytes = 0;
    problem = undefined;
    if (result !== undefined) yield result;
  }

  function* take(event: LineEvent): Generator<ReadResult> {
    let text: string | undefined;
    if (event.kind === 'too-long') {
      problem ??= rejectAt(
        context,
        'line-too-long',
        `line is ${event.bytes} bytes, over the limit`,
        event.line,
        event.head,
      );
    } else {
      try {
        text = decoder.decode(event.bytes);
        if (event.line === 1) text = text.replace(/^\uFEFF/, '');
      } catch {
        problem ??= rejectAt(context, 'invalid-utf8', 'line is not valid UTF-8', event.line, event.bytes);
      }
    }
    const blank = text !== undefined && text.trim() === '';
    if (textUnit === 'line') {
      startLine = event.line;
      if (!blank && text !== undefined) parts.push(text);
      yield* finish();
      return;
    }
    if (textUnit === 'paragraph' && blank && !inFence) {
      yield* finish();
      return;
    }
    if (parts.length === 0 && problem === undefined) startLine = event.line;
    if (markdown && text !== undefined && FENCE.test(text)) inFence = !inFence;
    if (text === undefined || problem !== undefined) return;
    bytes += event.kind === 'line' ? event.bytes.length + 1 : 0;
    if (bytes > limits.maxRecordBytes) {
      problem = rejectAt(
        context,
        'record-too-large',
        `${textUnit} is over the ${limits.maxRecordBytes}-byte limit`,
        startLine,
      );
      parts = [];
      return;
    }
    parts.push(text);
  }

  for await (const chunk of chunks) {
    for (const event of splitter.push(chunk)) yield* take(event);
  }
  for (const event of splitter.end()) yield* take(event);
  yield* finish();
}
