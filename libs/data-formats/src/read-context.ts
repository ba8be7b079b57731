import type { DataRecord, RecordReject } from './data-record';
import type { ReadLimits } from './read-limits';
import type { RecordMapping } from './record-mapping';
import type { RecordRejectReason } from './record-reject-reason';

/** One result of reading: a record, or a reject (reading goes on after a reject). */
export type ReadResult = { record: DataRecord } | { reject: RecordReject };

/** How text and markdown inputs are cut into records. */
export type TextUnit = 'file' | 'paragraph' | 'line';

/** What every format reader needs besides the bytes. */
export interface ReadContext {
  file: string;
  mapping: RecordMapping;
  limits: ReadLimits;
  textUnit: TextUnit;
}

const RAW_PREVIEW_CHARS = 200;

/** A reject for one line or row, with the location prefix every reject message carries. */
export function rejectAt(
  context: ReadContext,
  reason: RecordRejectReason,
  detail: string,
  line: number | undefined,
  raw?: Buffer | string,
  unit: 'line' | 'row' = 'line',
): ReadResult {
  const reject: RecordReject = {
    reason,
    message: line === undefined ? detail : `${unit} ${line}: ${detail}`,
    file: context.file,
  };
  if (line !== undefined) reject.line = line;
  if (raw !== undefined && raw.length > 0) {
    const text = typeof raw === 'string' ? raw : raw.subarray(0, RAW_PREVIEW_CHARS * 4).toString('utf8');
    reject.raw = text.slice(0, RAW_PREVIEW_CHARS);
  }
  return { reject };
}
