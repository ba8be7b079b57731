import { performance } from 'node:perf_hooks';

/**
 * Samples the resident set size on a timer. The curation loop yields to the event loop at every input
 * chunk (a file read completes), so the timer keeps firing while records are processed.
 */
export class RssMonitor {
  peakBytes = process.memoryUsage.rss();
  /** Once a second: [seconds, rss, heapTotal, heapUsed, external] in bytes (external includes typed arrays). */
  readonly timeline: [number, number, number, number, number][] = [];
  private readonly started = performance.now();
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;

  constructor(intervalMs = 100, timelineEvery = 10) {
    this.sample(true);
    this.timer = setInterval(() => {
      this.sample(++this.ticks % timelineEvery === 0);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample(true);
  }

  private sample(record: boolean): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peakBytes) this.peakBytes = rss;
    if (!record) return;
    // The full breakdown walks V8's heap spaces, so it is taken once a second, not every sample.
    const m = process.memoryUsage();
    const seconds = Math.round(performance.now() - this.started) / 1000;
    this.timeline.push([seconds, m.rss, m.heapTotal, m.heapUsed, m.external]);
  }
}
