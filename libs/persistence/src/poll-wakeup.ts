import { Injectable } from '@nestjs/common';

/**
 * Wakes a polling worker (job queue, scheduler) at once when work is queued in this process, instead of
 * at its next poll. Each feature module provides its own instance.
 */
@Injectable()
export class PollWakeup {
  private waiters: (() => void)[] = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next `notify` or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.waiters.push(done);
    });
  }
}
