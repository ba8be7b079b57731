import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { isNotFound, KubernetesApiError } from './kubernetes-api.error';
import type { JobWatchEvent, KubernetesJobsClient } from './kubernetes-jobs.client';

/** What the observer knows of the Job. */
export type ObservedJob =
  | { kind: 'unknown' }
  | { kind: 'present'; job: IJob }
  /** Deleted; `last` is its final state when known (a DELETED event carries it). */
  | { kind: 'gone'; last: IJob | undefined };

export interface JobObserverOptions {
  /** Poll period once watching has been given up (and the longest `changed` waits). */
  pollIntervalMs: number;
  /** `timeoutSeconds` of each watch request; the observer reconnects when the server ends it. */
  watchTimeoutSeconds: number;
  /** Consecutive watch failures after which the observer polls instead. */
  maxWatchFailures: number;
  warn(message: string): void;
}

// A watch that ends sooner than this without an event counts as a failure: a proxy that closes every
// stream at once must not turn the reconnect loop into a busy loop.
const SHORT_WATCH_MS = 1000;

/**
 * Follows one Job: a watch from the last seen resourceVersion, reconnected whenever the server ends it,
 * re-read after `410 Gone`, and replaced by polling after `maxWatchFailures` failures in a row (RBAC
 * without `watch`, a proxy that breaks streams). Callers read `current()` and wait with `changed()`.
 */
export class JobObserver {
  private state: ObservedJob = { kind: 'unknown' };
  private version = 0;
  private resourceVersion: string | undefined;
  private failures = 0;
  private polling = false;
  private stopped = false;
  private stopWatch: (() => void) | undefined;
  private readonly waiters = new Set<() => void>();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly client: KubernetesJobsClient,
    private readonly name: string,
    private readonly options: JobObserverOptions,
  ) {}

  /** How the observer follows the Job now. */
  get mode(): 'watch' | 'poll' {
    return this.polling ? 'poll' : 'watch';
  }

  /** Starts following; `initial` (a Job just created or listed) saves the first read. */
  start(initial?: IJob): void {
    if (initial) this.accept(initial);
    this.loop = this.follow().catch((error: unknown) => {
      this.options.warn(`observer of Job ${this.name} stopped: ${String(error)}`);
    });
  }

  /** The latest state and its change counter (pass the counter to `changed`). */
  current(): { observed: ObservedJob; version: number } {
    return { observed: this.state, version: this.version };
  }

  /** Resolves when the state changes after `version`, after `timeoutMs`, or when `signal` aborts. */
  changed(version: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.version > version || signal.aborted || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      signal.addEventListener('abort', finish);
      this.waiters.add(finish);
    });
  }

  /** Forces a read now (used when something else suggests a change, e.g. a pod event). */
  async refresh(): Promise<void> {
    try {
      this.accept(await this.client.readJob(this.name));
    } catch (error) {
      if (isNotFound(error)) this.markGone();
      else throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopWatch?.();
    for (const wake of [...this.waiters]) wake();
    await this.loop;
  }

  private async follow(): Promise<void> {
    while (!this.finished()) {
      if (this.polling) {
        await this.poll();
        continue;
      }
      if (this.resourceVersion === undefined) {
        const ok = await this.attempt(() => this.refresh());
        if (!ok) continue;
        if (this.finished()) return;
      }
      const from = this.resourceVersion ?? '';
      const started = Date.now();
      const end = await this.watchOnce(from);
      if (end.kind === 'expired') {
        this.resourceVersion = undefined;
      } else if (end.kind === 'failed' || (!end.sawEvent && Date.now() - started < SHORT_WATCH_MS)) {
        const reason = end.kind === 'failed' ? end.error.message : 'the server closed the watch at once';
        this.noteFailure(reason);
        await this.sleep(Math.min(this.options.pollIntervalMs, 100 * 2 ** this.failures));
      } else {
        this.failures = 0;
      }
    }
  }

  /** Stopped, or nothing left to follow. */
  private finished(): boolean {
    return this.stopped || this.state.kind === 'gone';
  }

  private async poll(): Promise<void> {
    await this.attempt(() => this.refresh());
    if (!this.finished()) await this.sleep(this.options.pollIntervalMs);
  }

  /** Runs a read; a failure is noted (it may switch to polling) and waited out. */
  private async attempt(read: () => Promise<void>): Promise<boolean> {
    try {
      await read();
      return true;
    } catch (error) {
      this.noteFailure(KubernetesApiError.from(`read Job ${this.name}`, error).message);
      await this.sleep(Math.min(this.options.pollIntervalMs, 100 * 2 ** this.failures));
      return false;
    }
  }

  private noteFailure(reason: string): void {
    this.failures += 1;
    if (!this.polling && this.failures >= this.options.maxWatchFailures) {
      this.polling = true;
      this.options.warn(
        `watching Job ${this.name} failed ${this.failures} times (${reason}); polling instead`,
      );
    }
  }

  private watchOnce(
    from: string,
  ): Promise<
    | { kind: 'closed'; sawEvent: boolean }
    | { kind: 'expired' }
    | { kind: 'failed'; error: KubernetesApiError }
  > {
    return new Promise((resolve) => {
      let sawEvent = false;
      let expired = false;
      const onEvent = (event: JobWatchEvent): void => {
        sawEvent = true;
        switch (event.type) {
          case 'ADDED':
          case 'MODIFIED':
            this.accept(event.object);
            break;
          case 'DELETED':
            this.markGone(event.object);
            this.stopWatch?.();
            break;
          case 'BOOKMARK':
            this.resourceVersion = event.object.metadata?.resourceVersion ?? this.resourceVersion;
            break;
          case 'ERROR':
            // 410 Gone: the history after our resourceVersion was compacted; read the Job again.
            if (event.object.code === 410) expired = true;
            this.stopWatch?.();
            break;
        }
      };
      const done = (error: KubernetesApiError | null): void => {
        this.stopWatch = undefined;
        if (expired) resolve({ kind: 'expired' });
        else if (error === null || this.stopped || this.state.kind === 'gone')
          resolve({ kind: 'closed', sawEvent });
        else resolve({ kind: 'failed', error });
      };
      this.client
        .watchJob(this.name, from, this.options.watchTimeoutSeconds, onEvent, done)
        .then((stop) => {
          if (this.stopped) stop();
          else this.stopWatch = stop;
        })
        .catch((error: unknown) => {
          done(KubernetesApiError.from(`watch Job ${this.name}`, error));
        });
    });
  }

  private accept(job: IJob): void {
    if (this.state.kind === 'gone') return;
    this.resourceVersion = job.metadata?.resourceVersion ?? this.resourceVersion;
    const previous = this.state.kind === 'present' ? this.state.job.metadata?.resourceVersion : undefined;
    if (previous !== undefined && previous === job.metadata?.resourceVersion) return;
    this.state = { kind: 'present', job };
    this.bump();
  }

  private markGone(last?: IJob): void {
    if (this.state.kind === 'gone') return;
    this.state = { kind: 'gone', last: last ?? (this.state.kind === 'present' ? this.state.job : undefined) };
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    for (const wake of [...this.waiters]) wake();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) {
        resolve();
        return;
      }
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      // stop() wakes sleepers through the same set as waiters.
      this.waiters.add(finish);
    });
  }
}
