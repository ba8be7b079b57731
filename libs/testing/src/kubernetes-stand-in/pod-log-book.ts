interface PodLog {
  lines: { time: string; text: string }[];
  ended: boolean;
  listeners: Set<() => void>;
}

/** Container logs of the stand-in's pods: appended by scripts, read (and followed) by `pods/<pod>/log`. */
export class PodLogBook {
  private readonly logs = new Map<string, PodLog>();

  append(namespace: string, pod: string, text: string): void {
    const log = this.entry(namespace, pod);
    if (log.ended) return;
    // A container writes a stream; split what a script logs the way the kubelet's log file would.
    for (const line of text.split('\n')) log.lines.push({ time: new Date().toISOString(), text: line });
    this.notify(log);
  }

  /** The container stopped: followers get the rest and the end of the stream. */
  end(namespace: string, pod: string): void {
    const log = this.entry(namespace, pod);
    log.ended = true;
    this.notify(log);
  }

  lines(namespace: string, pod: string): string[] {
    return (this.logs.get(key(namespace, pod))?.lines ?? []).map((line) => line.text);
  }

  /**
   * Lines from `from` on, formatted as the kubelet serves them (`timestamps` prefixes RFC 3339 times),
   * plus whether the container has ended.
   */
  read(
    namespace: string,
    pod: string,
    from: number,
    timestamps: boolean,
  ): { text: string[]; ended: boolean } {
    const log = this.entry(namespace, pod);
    const text = log.lines.slice(from).map((line) => (timestamps ? `${line.time} ${line.text}` : line.text));
    return { text, ended: log.ended };
  }

  count(namespace: string, pod: string): number {
    return this.entry(namespace, pod).lines.length;
  }

  /** Calls `listener` on every append or end until the returned function is called. */
  follow(namespace: string, pod: string, listener: () => void): () => void {
    const log = this.entry(namespace, pod);
    log.listeners.add(listener);
    return () => log.listeners.delete(listener);
  }

  private entry(namespace: string, pod: string): PodLog {
    let log = this.logs.get(key(namespace, pod));
    if (log === undefined) {
      log = { lines: [], ended: false, listeners: new Set() };
      this.logs.set(key(namespace, pod), log);
    }
    return log;
  }

  private notify(log: PodLog): void {
    for (const listener of [...log.listeners]) listener();
  }
}

function key(namespace: string, pod: string): string {
  return `${namespace}/${pod}`;
}
