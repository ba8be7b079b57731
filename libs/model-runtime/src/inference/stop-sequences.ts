/**
 * Tracks generated text against stop strings. Text that could still turn out to be the start of a stop
 * string is held back, so a stream never shows a client part of a stop string it then has to take back.
 */
export class StopSequenceFilter {
  private text = '';
  private emitted = 0;
  private stopped = false;

  constructor(private readonly stops: readonly string[]) {}

  /** Appends decoded text; returns what is now safe to show and whether a stop string was reached. */
  push(piece: string): { text: string; stopped: boolean } {
    if (this.stopped) return { text: '', stopped: true };
    this.text += piece;
    const at = this.firstStop();
    if (at >= 0) {
      this.text = this.text.slice(0, at);
      this.stopped = true;
      return { text: this.release(this.text.length), stopped: true };
    }
    return { text: this.release(this.text.length - this.heldBack()), stopped: false };
  }

  /** Everything not yet shown (at the end of generation nothing can be a stop string any more). */
  flush(): string {
    return this.release(this.text.length);
  }

  /** The completion text, without the stop string. */
  get completion(): string {
    return this.text;
  }

  private release(end: number): string {
    if (end <= this.emitted) return '';
    const out = this.text.slice(this.emitted, end);
    this.emitted = end;
    return out;
  }

  private firstStop(): number {
    let first = -1;
    for (const stop of this.stops) {
      // Only text near the end can hold a new occurrence: the rest was checked on earlier pushes.
      const from = Math.max(0, this.emitted - stop.length);
      const at = this.text.indexOf(stop, from);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  /** Length of the longest end of the text that is a proper prefix of some stop string. */
  private heldBack(): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, this.text.length); length > longest; length--) {
        if (this.text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
