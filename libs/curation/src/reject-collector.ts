import type { RecordReject } from '@llmops/data-formats';

/** Counts input rejects by reason and keeps the first `perReason` of each for review (`rejects.jsonl`). */
export class RejectCollector {
  private readonly byReason = new Map<string, number>();
  private readonly sample: RecordReject[] = [];
  private readonly sampledPerReason = new Map<string, number>();

  constructor(private readonly perReason = 20) {}

  add(reject: RecordReject): void {
    this.byReason.set(reject.reason, (this.byReason.get(reject.reason) ?? 0) + 1);
    const sampled = this.sampledPerReason.get(reject.reason) ?? 0;
    if (sampled < this.perReason) {
      this.sampledPerReason.set(reject.reason, sampled + 1);
      this.sample.push(reject);
    }
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.byReason);
  }

  /** The sampled rejects, in arrival order. */
  samples(): readonly RecordReject[] {
    return this.sample;
  }

  size(): number {
    return this.sample.length;
  }

  toJsonl(): string {
    return this.sample.map((r) => JSON.stringify(r)).join('\n') + '\n';
  }
}
