import { Writable } from 'node:stream';
import type { KubernetesJobsClient } from './kubernetes-jobs.client';
import { TRAINER_CONTAINER } from './training-job-names';

interface PodLog {
  /** Complete lines passed on so far. */
  emitted: number;
  /** Text after the last newline, not passed on yet. */
  partial: string;
  following: boolean;
  /** Resolves when the followed stream ended (or failed); `ended` says which. */
  done: Promise<void>;
  ended: boolean;
  stop: (() => void) | undefined;
}

export interface PodLogCollectorOptions {
  /** How many of the last lines to keep for a failure reason. */
  keepLines: number;
  /** How long `finish` waits for a followed stream to end before reading the rest in one request. */
  drainTimeoutMs: number;
  onLine(line: string): void;
  warn(message: string): void;
}

/**
 * Collects the trainer's log from the Job's pods: follows each pod's stream while it runs (so lines
 * reach `onLine` live) and, when the Job ends, reads whatever a broken or missing stream did not
 * deliver (the full log, minus the lines already passed on). Keeps the last lines.
 */
export class PodLogCollector {
  private readonly pods = new Map<string, PodLog>();
  private readonly tail: string[] = [];

  constructor(
    private readonly client: KubernetesJobsClient,
    private readonly options: PodLogCollectorOptions,
  ) {}

  /** The last lines, oldest first. */
  lastLines(): string[] {
    return [...this.tail];
  }

  /** Starts following `pod` (once; the trainer container must have started). */
  follow(pod: string): void {
    if (this.pods.get(pod)?.following === true) return;
    const log = this.entry(pod);
    log.following = true;
    let finished!: () => void;
    log.done = new Promise((resolve) => (finished = resolve));
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        this.take(log, chunk.toString('utf8'));
        callback();
      },
      final: (callback) => {
        log.ended = true;
        callback();
        finished();
      },
    });
    sink.on('error', () => {
      finished();
    });
    this.client
      .followPodLog(pod, TRAINER_CONTAINER, sink)
      .then((stop) => {
        log.stop = stop;
      })
      .catch((error: unknown) => {
        this.options.warn(`following the log of pod ${pod} failed: ${String(error)}`);
        finished();
      });
  }

  /**
   * Completes the log of every pod in `pods`: waits (up to `drainTimeoutMs`) for followed streams to
   * end, then reads the log of any pod whose stream did not end cleanly or was never followed.
   */
  async finish(pods: string[]): Promise<void> {
    for (const pod of pods) {
      const log = this.entry(pod);
      if (log.following) await Promise.race([log.done, delay(this.options.drainTimeoutMs)]);
      log.stop?.();
      log.stop = undefined;
      if (log.ended) {
        this.flushPartial(log);
        continue;
      }
      try {
        const text = await this.client.readPodLog(pod, TRAINER_CONTAINER);
        const lines = splitLines(text);
        for (const line of lines.slice(log.emitted)) this.emit(line);
        log.emitted = Math.max(log.emitted, lines.length);
        log.partial = '';
        log.ended = true;
      } catch (error) {
        this.options.warn(`reading the log of pod ${pod} failed: ${String(error)}`);
        this.flushPartial(log);
      }
    }
  }

  /** Stops following every pod. */
  stop(): void {
    for (const log of this.pods.values()) log.stop?.();
  }

  private take(log: PodLog, text: string): void {
    const parts = (log.partial + text).split('\n');
    log.partial = parts.pop() ?? '';
    for (const line of parts) {
      log.emitted += 1;
      this.emit(line);
    }
  }

  private flushPartial(log: PodLog): void {
    if (log.partial === '') return;
    log.emitted += 1;
    this.emit(log.partial);
    log.partial = '';
  }

  private emit(line: string): void {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.tail.push(clean);
    if (this.tail.length > this.options.keepLines) this.tail.shift();
    this.options.onLine(clean);
  }

  private entry(pod: string): PodLog {
    let log = this.pods.get(pod);
    if (log === undefined) {
      log = {
        emitted: 0,
        partial: '',
        following: false,
        done: Promise.resolve(),
        ended: false,
        stop: undefined,
      };
      this.pods.set(pod, log);
    }
    return log;
  }
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
