// Tokenizers that find token boundaries without building a substring per token report them here.

/** Token positions: token i is `line.slice(starts[i], ends[i])` for i < count. */
export class TokenSpans {
  line = '';
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(2 * this.count);
      const ends = new Int32Array(2 * this.count);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}
