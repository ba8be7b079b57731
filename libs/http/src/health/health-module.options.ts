import type { ReadinessCheck } from '@llmops/observability';

export const HEALTH_MODULE_OPTIONS = Symbol('HEALTH_MODULE_OPTIONS');

export interface HealthModuleOptions {
  /** Checks known when the app is composed; infra libs register theirs on ReadinessRegistry instead. */
  checks?: ReadinessCheck[];
  /** Per-check limit in ms (default 2000): a check that has not answered by then counts as down. */
  timeoutMs?: number;
}
