const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** A complete line (without its newline) or a line that was too long to keep. */
export type LineEvent =
  | { kind: 'line'; bytes: Buffer; line: number }
  | { kind: 'too-long'; line: number; bytes: number; head: Buffer };

/** Bytes of an over-long line kept for the reject's preview. */
const HEAD_BYTES = 200;

/**
 * Splits a byte stream into lines by scanning Buffers for 0x0A (no decoding, no string concatenation), so
 * that each line is decoded exactly once by its reader. A line longer than `maxLineBytes` is never held
 * whole: once it passes the limit its bytes are counted and dropped until the next newline. `\r\n` endings
 * lose their `\r`. Lines handed out may be views into the input chunks (no copy), which keep those alive.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;
  private skippedBytes = 0;
  private skippedHead: Buffer = Buffer.alloc(0);
  private lineNumber = 1;

  constructor(private readonly maxLineBytes: number) {}

  /** Lines completed by this chunk. */
  push(chunk: Buffer): LineEvent[] {
    const events: LineEvent[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) {
        this.hold(chunk.subarray(start));
        return events;
      }
      this.hold(chunk.subarray(start, end));
      events.push(this.finishLine());
      start = end + 1;
    }
  }

  /** The last line when the input does not end with a newline. */
  end(): LineEvent[] {
    if (this.pendingBytes === 0 && !this.skipping) return [];
    return [this.finishLine()];
  }

  private hold(part: Buffer): void {
    if (part.length === 0) return;
    if (this.skipping) {
      this.skippedBytes += part.length;
      return;
    }
    if (this.pendingBytes + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.skippedBytes = this.pendingBytes + part.length;
      this.skippedHead = Buffer.concat([...this.pending, part.subarray(0, HEAD_BYTES)]).subarray(
        0,
        HEAD_BYTES,
      );
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private finishLine(): LineEvent {
    const line = this.lineNumber++;
    if (this.skipping) {
      const event: LineEvent = { kind: 'too-long', line, bytes: this.skippedBytes, head: this.skippedHead };
      this.skipping = false;
      this.skippedBytes = 0;
      this.skippedHead = Buffer.alloc(0);
      return event;
    }
    let bytes =
      this.pending.length === 1
        ? (this.pending[0] as Buffer)
        : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1);
    return { kind: 'line', bytes, line };
  }
}
