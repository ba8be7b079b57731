/** One element of a top-level JSON array, as raw bytes, or an element too large to keep. */
export type JsonElementEvent =
  | { kind: 'element'; bytes: Buffer; line: number; index: number }
  | { kind: 'too-large'; line: number; index: number; bytes: number }
  | { kind: 'malformed'; line: number; message: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/** Bytes of the UTF-8 byte order mark some editors put before the `[`. */
function isByteOrderMark(byte: number): boolean {
  return byte === 0xef || byte === 0xbb || byte === 0xbf;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Splits a `.json` file holding one top-level array into its elements while streaming, so a multi-GB
 * array export is read with memory bounded by its largest element. It only tracks strings and nesting
 * depth; each element's bytes are then parsed (and validated) by `JSON.parse` on their own.
 */
export class JsonArraySplitter {
  private state: 'before' | 'between' | 'element' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private tooLarge = false;
  private elementLine = 1;
  private elementIndex = 0;
  private line = 1;
  private trailingReported = false;

  constructor(private readonly maxElementBytes: number) {}

  push(chunk: Buffer): JsonElementEvent[] {
    const events: JsonElementEvent[] = [];
    let start = -1; // where the current element's bytes start in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === NEWLINE) this.line++;
      switch (this.state) {
        case 'before':
          if (isSpace(byte) || isByteOrderMark(byte)) break;
          if (byte === 0x5b) this.state = 'between';
          else {
            events.push({
              kind: 'malformed',
              line: this.line,
              message: 'expected a JSON array starting with "["',
            });
            this.state = 'after';
            this.trailingReported = true;
          }
          break;
        case 'between':
          if (isSpace(byte) || byte === 0x2c) break;
          if (byte === 0x5d) {
            this.state = 'after';
            break;
          }
          this.state = 'element';
          this.elementLine = this.line;
          this.depth = 0;
          start = i;
          i = this.scan(chunk, i, events, start) - 1;
          start = -1;
          break;
        case 'element':
          start = i;
          i = this.scan(chunk, i, events, start) - 1;
          start = -1;
          break;
        case 'after':
          if (!isSpace(byte) && !this.trailingReported) {
            events.push({
              kind: 'malformed',
              line: this.line,
              message: 'unexpected content after the closing "]"',
            });
            this.trailingReported = true;
          }
          break;
      }
    }
    return events;
  }

  /** Problems left when the input ends (an array that was never closed). */
  end(): JsonElementEvent[] {
    const events: JsonElementEvent[] = [];
    if (this.state === 'element') this.finishElement(events);
    if (this.state === 'before' || this.state === 'between' || this.state === 'element') {
      events.push({
        kind: 'malformed',
        line: this.line,
        message: 'unexpected end of input: the JSON array is not closed',
      });
    }
    return events;
  }

  /** Scan element bytes from `from`; returns the index after the element's end (or the chunk's end). */
  private scan(chunk: Buffer, from: number, events: JsonElementEvent[], start: number): number {
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (i > from && byte === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
        continue;
      }
      if (byte === QUOTE) this.inString = true;
      else if (byte === 0x7b || byte === 0x5b) this.depth++;
      else if (byte === 0x7d || byte === 0x5d) {
        if (this.depth === 0) {
          // The array's closing bracket ends the last element.
          this.hold(chunk.subarray(start, i));
          this.finishElement(events);
          this.state = 'after';
          return i + 1;
        }
        this.depth--;
      } else if (byte === 0x2c && this.depth === 0) {
        this.hold(chunk.subarray(start, i));
        this.finishElement(events);
        this.state = 'between';
        return i + 1;
      }
    }
    this.hold(chunk.subarray(start));
    return chunk.length;
  }

  private hold(part: Buffer): void {
    this.partBytes += part.length;
    if (this.tooLarge) return;
    if (this.partBytes > this.maxElementBytes) {
      this.tooLarge = true;
      this.parts = [];
      return;
    }
    this.parts.push(part);
  }

  private finishElement(events: JsonElementEvent[]): void {
    const index = this.elementIndex++;
    if (this.tooLarge)
      events.push({ kind: 'too-large', line: this.elementLine, index, bytes: this.partBytes });
    else
      events.push({
        kind: 'element',
        bytes: Buffer.concat(this.parts, this.partBytes),
        line: this.elementLine,
        index,
      });
    this.parts = [];
    this.partBytes = 0;
    this.tooLarge = false;
    this.inString = false;
    this.escaped = false;
    this.depth = 0;
  }
}
