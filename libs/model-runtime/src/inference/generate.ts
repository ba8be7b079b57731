import { randomInt } from 'node:crypto';

import { writeWindow } from '../data/token-windows';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import type { LoadedModel } from '../model/loaded-model';
import { rowWidth } from '../model/model-architecture';
import { SeededRandom } from '../random/seeded-random';
import { type GenerateOptions, type GenerateOptionsInput, GenerateOptionsSchema } from './generate-options';
import { inferenceNetwork } from './inference-network';
import { TokenSampler } from './sample-token';
import { StopSequenceFilter } from './stop-sequences';

/** How long generation computes before letting the event loop run (a serving process has other requests). */
const YIELD_EVERY_MS = 10;

/** Events of a generation stream: text as it becomes final, then one `done`. */
export type GenerationEvent =
  | {
      readonly type: 'delta';
      /** New text; may be empty while a character or a possible stop string is incomplete. */
      readonly text: string;
      /** Tokens generated since the previous delta. */
      readonly tokenIds: readonly number[];
    }
  | {
      readonly type: 'done';
      /** `stop`: EOS or a stop string; `length`: maxTokens reached. */
      readonly finishReason: 'stop' | 'length';
      readonly text: string;
      readonly promptTokens: number;
      readonly completionTokens: number;
    };

export type GenerationResult = Omit<Extract<GenerationEvent, { type: 'done' }>, 'type'>;

/**
 * Generates a continuation of `prompt` token by token (BOS + prompt as context; the model sees its
 * window and bag of the latest tokens). Temperature 0 is greedy; with a seed, sampling is reproducible. To cancel, stop
 * iterating (`break` or `return()`). Throws INVALID_OPTIONS listing every bad option.
 */
export async function* generateStream(
  model: LoadedModel,
  prompt: string,
  input: GenerateOptionsInput = {},
): AsyncGenerator<GenerationEvent, void, undefined> {
  const options = parseOptions(input);
  const { tokenizer, architecture } = model;
  const C = rowWidth(architecture);
  const network = inferenceNetwork(model);
  const random = new SeededRandom(options.seed ?? randomInt(2 ** 32 - 1));
  const stops =
    options.stop === undefined ? [] : typeof options.stop === 'string' ? [options.stop] : options.stop;
  const filter = new StopSequenceFilter(stops);
  const decoder = tokenizer.createStreamDecoder();
  const sampler = new TokenSampler(architecture.vocabSize, options, random, [
    tokenizer.padId,
    tokenizer.bosId,
  ]);
  const ids = [tokenizer.bosId, ...tokenizer.encode(prompt)];
  const promptTokens = ids.length - 1;
  const window = new Int32Array(C);
  let completionTokens = 0;
  let finishReason: 'stop' | 'length' = 'length';
  let lastYield = performance.now();

  while (completionTokens < options.maxTokens) {
    writeWindow(ids, ids.length, C, window, 0);
    const probs = network.forward(window, 1);
    const token = sampler.sample(probs);
    if (token === tokenizer.eosId) {
      finishReason = 'stop';
      break;
    }
    ids.push(token);
    completionTokens++;
    const { text, stopped } = filter.push(decoder.push(token));
    yield { type: 'delta', text, tokenIds: [token] };
    if (stopped) {
      finishReason = 'stop';
      break;
    }
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  const rest = filter.push(decoder.flush()).text + filter.flush();
  if (rest !== '') yield { type: 'delta', text: rest, tokenIds: [] };
  yield { type: 'done', finishReason, text: filter.completion, promptTokens, completionTokens };
}

/** Generates to the end and returns the whole completion; `onDelta` sees the text as it is produced. */
export async function generate(
  model: LoadedModel,
  prompt: string,
  options: GenerateOptionsInput = {},
  onDelta?: (text: string) => void,
): Promise<GenerationResult> {
  for await (const event of generateStream(model, prompt, options)) {
    if (event.type === 'delta') {
      if (event.text !== '') onDelta?.(event.text);
    } else {
      const { type: _type, ...result } = event;
      return result;
    }
  }
  throw new ModelRuntimeError('INVALID_OPTIONS', 'generation ended without a result');
}

function parseOptions(input: GenerateOptionsInput): GenerateOptions {
  const parsed = GenerateOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ModelRuntimeError(
    'INVALID_OPTIONS',
    `invalid generation options: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    issues,
  );
}
