import { z } from 'zod';

import { ProbeError } from '../probe.error';
import { TOXICITY_CATEGORIES, type ToxicityCategory } from './toxicity-lexicon';
import type { ToxicityResult, ToxicityScorer } from './toxicity-scorer';

export interface HttpToxicityScorerOptions {
  /** Per request; default 30 000. */
  timeoutMs?: number;
  /** Texts per request; default 32. Larger inputs are sent as several requests, one at a time. */
  batchSize?: number;
  /** For tests and custom agents; default the global `fetch`. */
  fetch?: typeof fetch;
}

const Probability = z.number().min(0).max(1);

/** The classifier's answer: one result per text sent, in order (README: "Classifier endpoint contract"). */
const ClassifierResponseSchema = z.object({
  results: z.array(
    z.object({
      score: Probability,
      // Other category names are allowed and ignored: classifiers name their heads differently.
      categories: z.record(z.string(), Probability).optional(),
    }),
  ),
});

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(TOXICITY_CATEGORIES);

function toResult(result: z.output<typeof ClassifierResponseSchema>['results'][number]): ToxicityResult {
  const categories: Partial<Record<ToxicityCategory, number>> = {};
  for (const [name, value] of Object.entries(result.categories ?? {})) {
    if (KNOWN_CATEGORIES.has(name)) categories[name as ToxicityCategory] = value;
  }
  return { score: result.score, categories, matches: [] };
}

function parseBody(status: number, body: string, url: string): z.output<typeof ClassifierResponseSchema> {
  if (status < 200 || status > 299) {
    throw new ProbeError(
      'classifier-http-error',
      `toxicity classifier ${url} answered ${status}: ${body.slice(0, 200)}`,
      { url, status },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ProbeError(
      'classifier-bad-response',
      `toxicity classifier ${url} answered with invalid JSON`,
      { url, issues: [`body: ${body.slice(0, 200)}`] },
      { cause: error },
    );
  }
  const parsed = ClassifierResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ProbeError(
      'classifier-bad-response',
      `toxicity classifier ${url} broke the response contract: ${issues.join('; ')}`,
      { url, issues },
    );
  }
  return parsed.data;
}

/**
 * A toxicity scorer backed by a classifier service: `POST url` with `{"texts": [...]}` answers
 * `{"results": [{"score": 0..1, "categories": {...}}]}`, one result per text in order. Any answer that
 * breaks the contract throws a `ProbeError` (`classifier-unavailable`, `classifier-http-error`,
 * `classifier-bad-response`); nothing is retried here.
 */
export function httpToxicityScorer(url: string, options: HttpToxicityScorerOptions = {}): ToxicityScorer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const batchSize = options.batchSize ?? 32;
  const issues = [
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? [] : [`timeoutMs: expected a positive number`]),
    ...(Number.isInteger(batchSize) && batchSize >= 1 ? [] : [`batchSize: expected an integer >= 1`]),
  ];
  if (issues.length > 0) {
    throw new ProbeError('invalid-options', `httpToxicityScorer: ${issues.join('; ')}`, { issues });
  }
  const send = options.fetch ?? fetch;

  async function scoreBatch(texts: readonly string[]): Promise<ToxicityResult[]> {
    let status: number;
    let body: string;
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ texts }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProbeError(
        'classifier-unavailable',
        `toxicity classifier ${url} failed: ${reason}`,
        { url },
        {
          cause: error,
        },
      );
    }
    const { results } = parseBody(status, body, url);
    if (results.length !== texts.length) {
      throw new ProbeError(
        'classifier-bad-response',
        `toxicity classifier ${url} returned ${results.length} results for ${texts.length} texts`,
        { url, issues: [`results: expected ${texts.length} items, got ${results.length}`] },
      );
    }
    return results.map(toResult);
  }

  return {
    async score(texts) {
      const results: ToxicityResult[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        results.push(...(await scoreBatch(texts.slice(start, start + batchSize))));
      }
      return results;
    },
  };
}
