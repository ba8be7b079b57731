import type { DownloadLimits } from './download-limits';

type Timeouts = Pick<DownloadLimits, 'headersTimeoutMs' | 'idleTimeoutMs' | 'totalTimeoutMs'>;

/**
 * The three deadlines of one download behind one AbortSignal: headers, idle (restarted by every chunk)
 * and total. `expired()` says which one fired, so an abort is reported as the timeout it was rather than
 * as whatever error the aborted fetch or stream happened to throw.
 */
export class DownloadDeadlines {
  private readonly aborter = new AbortController();
  private readonly total: NodeJS.Timeout;
  private waiting: NodeJS.Timeout;
  private reason: string | null = null;

  constructor(private readonly timeouts: Timeouts) {
    this.total = setTimeout(() => {
      this.expire(`not downloaded within ${timeouts.totalTimeoutMs} ms`);
    }, timeouts.totalTimeoutMs);
    this.waiting = setTimeout(() => {
      this.expire(`no response within ${timeouts.headersTimeoutMs} ms`);
    }, timeouts.headersTimeoutMs);
  }

  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** Headers are in: from now on the body must keep flowing. */
  responded(): void {
    clearTimeout(this.waiting);
    if (this.reason !== null) return;
    this.waiting = setTimeout(() => {
      this.expire(`no data for ${this.timeouts.idleTimeoutMs} ms`);
    }, this.timeouts.idleTimeoutMs);
  }

  /** A chunk arrived: the idle deadline starts over (refresh reuses the timer, no allocation per chunk). */
  progressed(): void {
    if (this.reason === null) this.waiting.refresh();
  }

  /** Which deadline fired, or null. */
  expired(): string | null {
    return this.reason;
  }

  clear(): void {
    clearTimeout(this.total);
    clearTimeout(this.waiting);
  }

  private expire(reason: string): void {
    this.reason ??= reason;
    this.clear();
    this.aborter.abort(new Error(reason));
  }
}
