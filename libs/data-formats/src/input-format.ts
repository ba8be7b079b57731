import { ReadRecordsError } from './read-records-error';

/** Formats the readers understand. `json` is a JSON array of objects, read element by element. */
export const INPUT_FORMATS = ['jsonl', 'json', 'csv', 'tsv', 'parquet', 'text', 'markdown'] as const;

export type InputFormat = (typeof INPUT_FORMATS)[number];

/** What a caller may ask for; `auto` uses extension, then content type, then the first bytes. */
export type ReadFormat = 'auto' | InputFormat;

const EXTENSIONS: Record<string, InputFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  jsonlines: 'jsonl',
  json: 'json',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
};

const CONTENT_TYPES: Record<string, InputFormat> = {
  'application/jsonl': 'jsonl',
  'application/x-jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/json': 'json',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/vnd.apache.parquet': 'parquet',
  'application/parquet': 'parquet',
  'application/x-parquet': 'parquet',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** Content types that say nothing about the format inside (the extension or the bytes must tell). */
const NEUTRAL_CONTENT_TYPES = new Set([
  'application/octet-stream',
  'application/gzip',
  'application/x-gzip',
  'binary/octet-stream',
]);

/** Shown in `unsupported-media-type` messages so the user knows what to upload instead. */
export const SUPPORTED_INPUTS =
  'JSONL (.jsonl, .ndjson, application/jsonl), JSON array (.json), CSV (.csv, text/csv), ' +
  'TSV (.tsv, text/tab-separated-values), Parquet (.parquet, application/vnd.apache.parquet), ' +
  'text (.txt, text/plain), Markdown (.md, .markdown, text/markdown); each optionally gzip-compressed (.gz)';

/** The format-bearing extension: `a.jsonl.gz` gives `jsonl`; a bare `a.gz` gives none. */
function extensionOf(fileName: string): string | undefined {
  const parts = (fileName.toLowerCase().split(/[\\/]/).pop() ?? '').split('.').slice(1);
  const last = parts.pop();
  return last === 'gz' || last === 'gzip' ? parts.pop() : last;
}

function unsupported(fileName: string, what: string): ReadRecordsError {
  return new ReadRecordsError(
    'unsupported-media-type',
    `unsupported input "${fileName}" (${what}); supported: ${SUPPORTED_INPUTS}`,
  );
}

/** What a name and content type say: a format, a clearly unsupported kind of file, or nothing. */
export type NameVerdict = { format: InputFormat } | { unsupported: string } | { unknown: true };

/** Classify an input by extension first, then content type (the extension is the more specific). */
export function classifyName(fileName: string, contentType?: string): NameVerdict {
  const ext = extensionOf(fileName);
  if (ext !== undefined && Object.hasOwn(EXTENSIONS, ext)) return { format: EXTENSIONS[ext] as InputFormat };
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && type !== '' && !NEUTRAL_CONTENT_TYPES.has(type)) {
    if (Object.hasOwn(CONTENT_TYPES, type)) return { format: CONTENT_TYPES[type] as InputFormat };
    return { unsupported: `content type ${type}` };
  }
  // An extension we do not know (.pdf, .xlsx) is a clear no; a missing one leaves it to the bytes.
  return ext === undefined ? { unknown: true } : { unsupported: `extension .${ext}` };
}

/**
 * The supported format named by the file name or content type, or undefined when they name none (an
 * unsupported type, or no hint at all: `readRecords` can still recognise JSONL, JSON and Parquet by bytes).
 */
export function formatFromName(fileName: string, contentType?: string): InputFormat | undefined {
  const verdict = classifyName(fileName, contentType);
  return 'format' in verdict ? verdict.format : undefined;
}

/** Throws `unsupported-media-type` for a name or content type no reader handles; returns the format if named. */
export function assertSupportedName(fileName: string, contentType?: string): InputFormat | undefined {
  const verdict = classifyName(fileName, contentType);
  if ('unsupported' in verdict) throw unsupported(fileName, verdict.unsupported);
  return 'format' in verdict ? verdict.format : undefined;
}

/** Guess the format from the first bytes of the (decompressed) input when the name did not tell. */
export function formatFromBytes(fileName: string, head: Buffer): InputFormat {
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[start] ?? 0)) start++;
  if (head[start] === 0x7b) return 'jsonl';
  if (head[start] === 0x5b) return 'json';
  throw unsupported(fileName, 'no known extension, content type or content');
}
