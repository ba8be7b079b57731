import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ChatMessage } from '@llmops/contracts';
import { EvaluationError } from '../evaluation-error';
import type { EvalPrompt } from '../items/eval-item';
import type { GenerationSettings, Predictor } from './predictor';

export interface EndpointOptions extends GenerationSettings {
  /** e.g. `http://vllm:8000/v1`; `/chat/completions` is appended. */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a bearer token when set (taken from configuration, never from a request). */
  readonly apiKey?: string;
  /** Per request. */
  readonly timeoutMs: number;
  /** Further attempts after a failed one (network errors, 408, 429, 5xx); 4xx answers are not retried. */
  readonly retries: number;
  /** First back-off; doubles per attempt. */
  readonly backoffMs: number;
  readonly fetch?: typeof fetch;
}

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/** Any OpenAI-compatible chat endpoint (vLLM, TGI, llama.cpp server, OpenAI itself), temperature 0. */
export class OpenAiEndpointPredictor implements Predictor {
  readonly label: string;
  private readonly url: string;

  constructor(private readonly options: EndpointOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    this.label = `endpoint ${options.baseUrl} (${options.model})`;
  }

  async generate(prompt: EvalPrompt, signal?: AbortSignal): Promise<string> {
    const messages: readonly ChatMessage[] =
      typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
    const body = JSON.stringify({
      model: this.options.model,
      messages,
      temperature: 0,
      max_tokens: this.options.maxTokens,
      ...(this.options.stop.length > 0 ? { stop: this.options.stop.slice(0, 4) } : {}),
    });
    let lastFailure = '';
    for (let attempt = 0; attempt <= this.options.retries; attempt += 1) {
      if (attempt > 0) await sleep(this.options.backoffMs * 2 ** (attempt - 1), undefined, { signal });
      const outcome = await this.post(body, signal);
      if (outcome.kind === 'answer') return outcome.text;
      if (outcome.kind === 'fatal') throw outcome.error;
      lastFailure = outcome.reason;
    }
    throw new EvaluationError(
      'EVAL_ENDPOINT_UNREACHABLE',
      `${this.url}: ${lastFailure} (gave up after ${String(this.options.retries + 1)} attempts)`,
    );
  }

  private async post(
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<
    | { kind: 'answer'; text: string }
    | { kind: 'retry'; reason: string }
    | { kind: 'fatal'; error: EvaluationError }
  > {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers['authorization'] = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted)
        return { kind: 'fatal', error: new EvaluationError('EVAL_CANCELLED', 'cancelled') };
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const reason = timeout.aborted
        ? `no answer within ${String(this.options.timeoutMs)} ms`
        : `${error instanceof Error ? error.message : String(error)}${cause}`;
      return { kind: 'retry', reason };
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const reason = `HTTP ${String(response.status)} ${text.slice(0, 200)}`.trim();
      if (RETRYABLE_STATUS.has(response.status)) return { kind: 'retry', reason };
      return {
        kind: 'fatal',
        error: new EvaluationError('EVAL_ENDPOINT_REJECTED', `${this.url}: ${reason}`),
      };
    }
    const parsed = CompletionSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      return {
        kind: 'fatal',
        error: new EvaluationError(
          'EVAL_ENDPOINT_BAD_RESPONSE',
          `${this.url}: not an OpenAI chat completion: ${text.slice(0, 200)}`,
        ),
      };
    }
    return { kind: 'answer', text: (parsed.data.choices[0]?.message.content ?? '').trim() };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
