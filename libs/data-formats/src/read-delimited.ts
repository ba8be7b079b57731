import { parse } from 'csv-parse/sync';

import { CsvRecordAssembler, type CsvRecordEvent } from './csv-record-assembler';
import { LineSplitter } from './line-splitter';
import { mapRow } from './map-row';
import { rejectAt, type ReadContext, type ReadResult } from './read-context';

/** Records parsed per csv-parse call: large enough to amortise the call, small enough to bound memory. */
const BATCH_RECORDS = 1000;

interface PendingRecord {
  text: string;
  line: number;
}

function parseRecords(text: string, delimiter: string, quote: boolean): string[][] {
  return parse(text, {
    delimiter,
    // Record boundaries were found by the assembler, which joined multi-line fields with `\n`.
    record_delimiter: '\n',
    quote: quote ? '"' : false,
    relax_quotes: true,
    relax_column_count: true,
    bom: false,
  });
}

/** One csv-parse call for many records; when it fails (broken quoting), each record alone. */
function parseQuoted(texts: string[], delimiter: string): (string[] | Error)[] {
  try {
    const rows = parseRecords(texts.join('\n'), delimiter, true);
    if (rows.length === texts.length) return rows;
  } catch {
    // fall through to one record at a time, so only the bad one is rejected
  }
  return texts.map((text) => {
    try {
      return parseRecords(text, delimiter, true)[0] ?? [];
    } catch (error) {
      return error as Error;
    }
  });
}

/**
 * Split a batch of complete records into fields. A record without a quote character is split on the
 * delimiter directly: that is all a CSV parser would do with it, at a fraction of the cost. Records with
 * quotes go to csv-parse together.
 */
function parseBatch(batch: PendingRecord[], delimiter: string, quote: boolean): (string[] | Error)[] {
  const rows: (string[] | Error)[] = batch.map((record) =>
    quote && record.text.includes('"') ? [] : record.text.split(delimiter),
  );
  const quoted = quote ? batch.flatMap((record, index) => (record.text.includes('"') ? [index] : [])) : [];
  if (quoted.length === 0) return rows;
  const parsed = parseQuoted(
    quoted.map((index) => (batch[index] as PendingRecord).text),
    delimiter,
  );
  for (const [k, index] of quoted.entries()) rows[index] = parsed[k] ?? [];
  return rows;
}

function headerNames(fields: string[]): string[] {
  return fields.map((field, index) => {
    const name = (index === 0 ? field.replace(/^\uFEFF/, '') : field).trim();
    return name === '' ? `column_${index + 1}` : name;
  });
}

/**
 * Read CSV or TSV with a header row: each record becomes an object keyed by the header and goes through the
 * mapping. Blank lines are skipped; a record with a different field count is a `ragged-row` reject.
 * TSV is read without quoting (IANA text/tab-separated-values has none), one record per line.
 */
export async function* readDelimited(
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
  dialect: 'csv' | 'tsv',
): AsyncGenerator<ReadResult> {
  const delimiter = dialect === 'csv' ? ',' : '\t';
  const quote = dialect === 'csv';
  const { limits } = context;
  const splitter = new LineSplitter(limits.maxLineBytes);
  const assembler = new CsvRecordAssembler(
    delimiter.charCodeAt(0),
    quote,
    limits.maxRecordBytes,
    limits.maxLineBytes,
  );
  let header: string[] | undefined;
  let batch: PendingRecord[] = [];

  function* flush(): Generator<ReadResult> {
    const rows = parseBatch(batch, delimiter, quote);
    for (const [index, record] of batch.entries()) {
      const row = rows[index];
      if (row === undefined) continue;
      if (row instanceof Error) {
        yield rejectAt(context, 'invalid-csv', row.message, record.line, record.text);
      } else if (header === undefined) {
        header = headerNames(row);
      } else if (row.length !== header.length) {
        const detail = `row has ${row.length} fields, the header has ${header.length}`;
        yield rejectAt(context, 'ragged-row', detail, record.line, record.text);
      } else {
        const object: Record<string, string> = {};
        for (const [column, name] of header.entries()) object[name] = row[column] ?? '';
        yield mapRow(object, context.mapping, { file: context.file, line: record.line });
      }
    }
    batch = [];
  }

  function* accept(event: CsvRecordEvent | undefined): Generator<ReadResult> {
    if (event === undefined) return;
    if (event.kind === 'reject') {
      // Keep input order: records already batched come first.
      yield* flush();
      yield rejectAt(context, event.reason, event.detail, event.line, event.raw);
      return;
    }
    batch.push({ text: event.text, line: event.line });
    // The header decides how every later record is read, so parse it on its own straight away.
    if (header === undefined || batch.length >= BATCH_RECORDS) yield* flush();
  }

  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) yield* accept(assembler.push(line));
  }
  for (const line of splitter.end()) yield* accept(assembler.push(line));
  yield* accept(assembler.end());
  yield* flush();
}
