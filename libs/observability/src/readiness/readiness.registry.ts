import { Injectable, Logger } from '@nestjs/common';
import type { ReadinessCheckReport, ReadinessCheckResult, ReadinessReport } from './readiness-check.types';

export const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/**
 * Where infrastructure libs (messaging, persistence, storage) register their dependency checks, and what
 * the HTTP readiness endpoint evaluates. It lives here rather than in the http lib so those libs can
 * contribute checks without depending on HTTP.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly logger = new Logger(ReadinessRegistry.name);
  private readonly checks = new Map<string, () => Promise<ReadinessCheckResult>>();
  private shuttingDown = false;

  /**
   * Adds a check; returns a function that removes it. Names are unique per app: a duplicate throws at
   * boot rather than hiding one of the two checks (in the standalone host, suffix the name per service).
   */
  register(name: string, check: () => Promise<ReadinessCheckResult>): () => void {
    if (this.checks.has(name)) {
      throw new Error(`Readiness check "${name}" is already registered`);
    }
    this.checks.set(name, check);
    return () => {
      if (this.checks.get(name) === check) this.checks.delete(name);
    };
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** From now on the process reports not-ready, so load balancers stop routing to it while it drains. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  /** Runs every check in parallel, each bounded by `timeoutMs`: a hung dependency must not hang the probe. */
  async evaluate(timeoutMs = DEFAULT_READINESS_TIMEOUT_MS): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks].map(
        async ([name, check]) => [name, await this.runOne(name, check, timeoutMs)] as const,
      ),
    );
    const checks = Object.fromEntries(entries);
    const allUp = entries.every(([, report]) => report.status === 'up');
    return { status: this.shuttingDown ? 'shutting-down' : allUp ? 'ok' : 'unavailable', checks };
  }

  private async runOne(
    name: string,
    check: () => Promise<ReadinessCheckResult>,
    timeoutMs: number,
  ): Promise<ReadinessCheckReport> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ReadinessCheckResult>((resolve) => {
      timer = setTimeout(() => {
        resolve({ ok: false, detail: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
    });
    let result: ReadinessCheckResult;
    try {
      result = await Promise.race([check(), timeout]);
    } catch (error) {
      // The message may name hosts and ports; it goes to the logs, not to the public endpoint.
      this.logger.warn(
        `Readiness check "${name}" threw: ${error instanceof Error ? error.message : String(error)}`,
      );
      result = { ok: false, detail: 'check failed (see logs)' };
    } finally {
      clearTimeout(timer);
    }
    const durationMs = Math.round(performance.now() - started);
    return {
      status: result.ok ? 'up' : 'down',
      ...(result.detail === undefined ? {} : { detail: result.detail }),
      durationMs,
    };
  }
}
