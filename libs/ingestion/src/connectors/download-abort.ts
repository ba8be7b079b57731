import { ConnectorError } from './connector.error';

/**
 * Cancellation for one download: the run's signal plus this download's own timeouts, and the one
 * place that decides which error a failed fetch or read reports (the run's cancellation first, then
 * our timeout, then the network failure itself).
 */
export class DownloadAbort {
  private readonly controller = new AbortController();
  readonly signal: AbortSignal;

  constructor(private readonly runSignal: AbortSignal) {
    this.signal = AbortSignal.any([runSignal, this.controller.signal]);
  }

  /** Runs `work`, aborting the download with a `timeout` error if it takes longer than `ms`. */
  async within<T>(ms: number, what: string, work: () => Promise<T>): Promise<T> {
    const timer = setTimeout(() => {
      const message = `${what} took longer than ${ms} ms`;
      this.controller.abort(new ConnectorError('timeout', message, { field: 'timeoutMs' }));
    }, ms);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the connection; a no-op once the body was read to the end. */
  release(): void {
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  /** Stops the download with `reason`, which is what `explain` will then report. */
  fail(reason: ConnectorError): ConnectorError {
    this.controller.abort(reason);
    return reason;
  }

  /**
   * The error to throw after `error` interrupted the download: the run's cancellation, else our own
   * timeout or limit, else what `describe` makes of the failure itself.
   */
  explain(error: unknown, describe: (error: unknown) => ConnectorError): unknown {
    if (error instanceof ConnectorError) return error;
    if (this.runSignal.aborted) return this.runSignal.reason;
    const reason: unknown = this.controller.signal.reason;
    if (this.controller.signal.aborted && reason instanceof ConnectorError) return reason;
    return describe(error);
  }
}
