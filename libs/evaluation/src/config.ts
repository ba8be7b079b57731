import { z } from 'zod';
import { envInt, parseConfig, type Env } from '@llmops/config';

/** Evaluation's own settings, parsed once at boot. */
export const evaluationConfigSchema = z.object({
  /** Evaluations running at once in this process. */
  EVALUATION_MAX_RUNNING: envInt(1, 32).default(2),
  /** How often the worker looks for queued evaluations (new ones wake it at once in-process). */
  EVALUATION_POLL_MS: envInt(20).default(500),
  /** A running evaluation whose heartbeat is older than this is taken over (its process died). */
  EVALUATION_STALE_AFTER_MS: envInt(1000).default(60_000),
  /** Attempts before an evaluation whose process keeps dying is failed. */
  EVALUATION_MAX_ATTEMPTS: envInt(1, 10).default(2),
  /** Requests in flight per external endpoint. */
  EVALUATION_ENDPOINT_CONCURRENCY: envInt(1, 64).default(4),
  EVALUATION_ENDPOINT_TIMEOUT_MS: envInt(100).default(60_000),
  /** Further attempts after a failed request (network error, 408, 429, 5xx). */
  EVALUATION_ENDPOINT_RETRIES: envInt(0, 10).default(3),
  EVALUATION_ENDPOINT_BACKOFF_MS: envInt(0).default(500),
  /** Bearer token for external endpoints and the judge (never part of a request body). */
  EVALUATION_ENDPOINT_API_KEY: z.string().min(1).optional(),
  /** A toxicity classifier (`POST {"texts": [...]}`); the built-in lexicon when unset. */
  EVALUATION_TOXICITY_CLASSIFIER_URL: z.url().optional(),
});

export type EvaluationConfig = z.output<typeof evaluationConfigSchema>;

export const EVALUATION_CONFIG = Symbol('EVALUATION_CONFIG');

export function parseEvaluationConfig(env: Env): EvaluationConfig {
  return parseConfig(evaluationConfigSchema, env);
}
