import { peekChunks, toByteChunks, type ByteSource } from './byte-chunks';
import { gunzipChunks, isGzip } from './gunzip-chunks';
import { assertSupportedName, formatFromBytes, type InputFormat, type ReadFormat } from './input-format';
import type { ReadContext, ReadResult, TextUnit } from './read-context';
import { readDelimited } from './read-delimited';
import { readJsonArray, readJsonLines } from './read-json';
import { ReadLimitsSchema, type ReadLimits } from './read-limits';
import { readParquet } from './read-parquet';
import { ReadRecordsError } from './read-records-error';
import { readText } from './read-text';
import { RecordMappingSchema, type RecordMappingInput } from './record-mapping';

export interface ReadRecordsOptions {
  /** Name of the input (upload name, object key): picks the format by extension and appears in rejects. */
  fileName: string;
  /** The upload's content type, used when the extension does not tell the format. */
  contentType?: string;
  /** Force a format; `auto` (default) uses extension, content type, then the first bytes. */
  format?: ReadFormat;
  /** How rows become records; defaults to auto-detected shapes with every other field as metadata. */
  mapping?: RecordMappingInput;
  limits?: Partial<ReadLimits>;
  /** Text and Markdown only: one record per file (default), paragraph or line. */
  textUnit?: TextUnit;
  /** Producer put in provenance when the mapping names none. */
  producer?: string;
}

/** Bytes looked at to detect gzip and, failing name and content type, the format. */
const SNIFF_BYTES = 512;

function counted(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  return (async function* () {
    let bytes = 0;
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        throw new ReadRecordsError('input-too-large', `input is larger than ${maxBytes} bytes`);
      yield chunk;
    }
  })();
}

function readFormat(
  format: InputFormat,
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  switch (format) {
    case 'jsonl':
      return readJsonLines(chunks, context);
    case 'json':
      return readJsonArray(chunks, context);
    case 'csv':
    case 'tsv':
      return readDelimited(chunks, context, format);
    case 'parquet':
      return readParquet(chunks, context);
    case 'text':
      return readText(chunks, context, false);
    case 'markdown':
      return readText(chunks, context, true);
  }
}

/** A `.json` upload is read as JSON Lines unless it actually starts with `[` (one array of objects). */
function refineJson(format: InputFormat, head: Buffer): InputFormat {
  if (format !== 'json') return format;
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  return first === '[' ? 'json' : 'jsonl';
}

/**
 * Stream records out of one input (JSONL, JSON array, CSV, TSV, Parquet, text, Markdown, each optionally
 * gzip-compressed), with memory bounded by the limits rather than the input's size. Per-row problems come
 * out as rejects and reading goes on; problems with the whole input throw a `ReadRecordsError`.
 */
export async function* readRecords(
  input: ByteSource,
  options: ReadRecordsOptions,
): AsyncGenerator<ReadResult> {
  const limits = ReadLimitsSchema.parse(options.limits ?? {});
  const mapping = RecordMappingSchema.parse(options.mapping ?? {});
  if (mapping.provenance.producer === undefined && options.producer !== undefined) {
    mapping.provenance = { ...mapping.provenance, producer: options.producer };
  }
  const requested = options.format ?? 'auto';
  // Fail on an unsupported name before reading a byte.
  const named = requested === 'auto' ? assertSupportedName(options.fileName, options.contentType) : requested;

  const raw = await peekChunks(toByteChunks(input), SNIFF_BYTES);
  let chunks: AsyncIterable<Buffer> = raw.chunks;
  let head = raw.head;
  if (isGzip(head)) {
    const inflated = await peekChunks(gunzipChunks(raw.chunks, limits), SNIFF_BYTES);
    chunks = inflated.chunks;
    head = inflated.head;
  } else {
    chunks = counted(chunks, limits.maxDecompressedBytes);
  }
  if (head.length === 0) {
    await chunks[Symbol.asyncIterator]().return?.(undefined);
    throw new ReadRecordsError('empty-input', `input "${options.fileName}" is empty`);
  }
  const format = refineJson(named ?? formatFromBytes(options.fileName, head), head);
  const context: ReadContext = {
    file: options.fileName,
    mapping,
    limits,
    textUnit: options.textUnit ?? 'file',
  };

  let results = 0;
  for await (const result of readFormat(format, chunks, context)) {
    results++;
    yield result;
  }
  if (results === 0) {
    throw new ReadRecordsError(
      'empty-input',
      `input "${options.fileName}" holds no records (only blank lines or a header)`,
    );
  }
}
