/** Longest line kept whole; a trainer printing megabytes without a newline must not grow memory. */
const DEFAULT_MAX_CHARS = 64 * 1024;

/**
 * Splits a child's decoded output into lines. `\n`, `\r\n` and a lone `\r` all end a line, so progress
 * bars that redraw with `\r` become separate lines instead of one endless one; empty lines are dropped.
 * A line longer than `maxChars` is cut, marked, and the rest of it skipped up to the next line break.
 */
export class OutputLineSplitter {
  private partial = '';
  private skipping = false;

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  push(text: string): string[] {
    const pieces = (this.partial + text).split(/\r\n|\r|\n/);
    this.partial = pieces.pop() ?? '';
    const lines: string[] = [];
    for (const piece of pieces) {
      if (this.skipping) {
        this.skipping = false;
        continue;
      }
      if (piece.length > 0) lines.push(this.cut(piece));
    }
    if (this.partial.length > this.maxChars) {
      if (!this.skipping) lines.push(this.cut(this.partial));
      this.partial = '';
      this.skipping = true;
    }
    return lines;
  }

  /** The last line when the output did not end with a line break. */
  end(): string[] {
    const rest = this.skipping || this.partial.length === 0 ? [] : [this.cut(this.partial)];
    this.partial = '';
    this.skipping = false;
    return rest;
  }

  private cut(line: string): string {
    return line.length > this.maxChars ? `${line.slice(0, this.maxChars)} …[cut]` : line;
  }
}
