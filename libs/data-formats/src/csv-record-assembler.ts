import type { LineEvent } from './line-splitter';
import type { RecordRejectReason } from './record-reject-reason';

const QUOTE = 0x22;

/** One complete CSV record's text (lines of a quoted multi-line field joined by `\n`), or why it was dropped. */
export type CsvRecordEvent =
  | { kind: 'record'; text: string; line: number }
  | { kind: 'reject'; reason: RecordRejectReason; line: number; detail: string; raw?: Buffer };

/**
 * Groups lines into CSV records, following RFC 4180 quoting (a quote opens a field only at its start, `""`
 * inside a quoted field is a literal quote) so a newline inside quotes continues the record. Knowing the
 * boundaries here means one bad record (invalid UTF-8, too long, broken quoting) is rejected alone and the
 * parser never loses its place for the rest of the file. With `quote` off (TSV) every line is a record.
 */
export class CsvRecordAssembler {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private inQuotes = false;
  private parts: string[] = [];
  private bytes = 0;
  private startLine = 0;
  private problem: { reason: RecordRejectReason; detail: string; raw?: Buffer } | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly quote: boolean,
    private readonly maxRecordBytes: number,
    private readonly maxLineBytes: number,
  ) {}

  push(event: LineEvent): CsvRecordEvent | undefined {
    const continuing = this.inQuotes;
    if (!continuing) this.startLine = event.line;
    if (event.kind === 'too-long') {
      // The dropped line's quotes are unknown; assume they balance so the following lines still parse.
      const which = continuing ? `line ${event.line} of the record` : 'line';
      this.flag(
        'line-too-long',
        `${which} is ${event.bytes} bytes, over the ${this.maxLineBytes}-byte limit`,
        event.head,
      );
    } else {
      if (!continuing && isBlank(event.bytes)) return undefined;
      if (this.quote && (continuing || event.bytes.includes(QUOTE))) this.scanQuotes(event.bytes, continuing);
      this.take(event.bytes);
    }
    return this.inQuotes ? undefined : this.finish();
  }

  /** A record still open at the end of the input (an unclosed quote). */
  end(): CsvRecordEvent | undefined {
    if (!this.inQuotes) return undefined;
    this.inQuotes = false;
    this.flag('invalid-csv', 'a quoted field is not closed before the end of the input');
    return this.finish();
  }

  private take(bytes: Buffer): void {
    if (this.problem !== undefined) return;
    this.bytes += bytes.length + 1;
    if (this.bytes > this.maxRecordBytes) {
      this.flag('record-too-large', `record is over the ${this.maxRecordBytes}-byte limit`, bytes);
      return;
    }
    try {
      this.parts.push(this.decoder.decode(bytes));
    } catch {
      this.flag('invalid-utf8', 'line is not valid UTF-8', bytes);
    }
  }

  private flag(reason: RecordRejectReason, detail: string, raw?: Buffer): void {
    if (this.problem !== undefined) return;
    this.problem = raw === undefined ? { reason, detail } : { reason, detail, raw };
    this.parts = [];
  }

  private finish(): CsvRecordEvent {
    const { problem } = this;
    const text = this.parts.join('\n');
    this.parts = [];
    this.bytes = 0;
    this.problem = undefined;
    if (problem !== undefined) return { kind: 'reject', line: this.startLine, ...problem };
    return { kind: 'record', text, line: this.startLine };
  }

  private scanQuotes(bytes: Buffer, continuing: boolean): void {
    let inQuotes = continuing;
    let atFieldStart = !continuing;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (inQuotes) {
        if (byte !== QUOTE) continue;
        if (bytes[i + 1] === QUOTE) i++;
        else inQuotes = false;
      } else if (byte === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else {
        atFieldStart = byte === this.delimiter;
      }
    }
    this.inQuotes = inQuotes;
  }
}

function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  }
  return true;
}
