import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  Summary,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type SummaryConfiguration,
} from 'prom-client';

export const METRIC_PREFIX = 'llmops_';

// One registry per process: the standalone host runs all seven services in one process, and two
// registries there would mean two scrapes or silently missing series.
let processRegistry: Registry | undefined;
const prepared = new WeakMap<Registry, string>();

export interface MetricsRegistryOptions {
  /** Isolated registry (tests); the process-wide one otherwise. */
  registry?: Registry;
  /** Collect Node/process default metrics (`llmops_process_*`, `llmops_nodejs_*`); on by default. */
  defaultMetrics?: boolean;
}

/**
 * The process's Prometheus registry, injectable so every lib registers its own metrics (messaging:
 * `llmops_events_published_total`, ...). Metric getters are get-or-create: a second module asking for
 * the same name in the same process gets the existing metric instead of a duplicate-registration crash.
 */
export class MetricsRegistry {
  constructor(
    readonly registry: Registry,
    /** The `service` default label on every series; the first service to claim a registry names it. */
    readonly serviceName: string,
  ) {}

  static forService(serviceName: string, options: MetricsRegistryOptions = {}): MetricsRegistry {
    const registry = options.registry ?? (processRegistry ??= new Registry());
    const owner = prepared.get(registry);
    if (owner === undefined) {
      prepared.set(registry, serviceName);
      registry.setDefaultLabels({ service: serviceName });
      if (options.defaultMetrics !== false) {
        collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
      }
    }
    return new MetricsRegistry(registry, owner ?? serviceName);
  }

  counter<T extends string>(config: CounterConfiguration<T>): Counter<T> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing === undefined) return new Counter({ ...config, registers: [this.registry] });
    if (existing instanceof Counter) return existing;
    throw this.typeClash(config.name, 'counter');
  }

  gauge<T extends string>(config: GaugeConfiguration<T>): Gauge<T> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing === undefined) return new Gauge({ ...config, registers: [this.registry] });
    if (existing instanceof Gauge) return existing;
    throw this.typeClash(config.name, 'gauge');
  }

  histogram<T extends string>(config: HistogramConfiguration<T>): Histogram<T> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing === undefined) return new Histogram({ ...config, registers: [this.registry] });
    if (existing instanceof Histogram) return existing;
    throw this.typeClash(config.name, 'histogram');
  }

  summary<T extends string>(config: SummaryConfiguration<T>): Summary<T> {
    const existing = this.registry.getSingleMetric(config.name);
    if (existing === undefined) return new Summary({ ...config, registers: [this.registry] });
    if (existing instanceof Summary) return existing;
    throw this.typeClash(config.name, 'summary');
  }

  /** Content type of the text exposition, for the `/metrics` response. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Text exposition of every metric in the registry. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  private typeClash(name: string, wanted: string): Error {
    return new Error(`Metric ${name} is already registered with another type than ${wanted}`);
  }
}
