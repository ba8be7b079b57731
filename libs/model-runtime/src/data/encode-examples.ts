import { ModelRuntimeError } from '../errors/model-runtime-error';
import type { BpeTokenizer } from '../tokenizer/bpe-tokenizer';
import { renderChatPrompt, renderChatSegments, type TextSegment } from './chat-template';
import type { TrainingExample } from './training-example';

/** A tokenized sequence, BOS first and EOS last; `trained[i]` says whether ids[i] is a loss target. */
export interface EncodedSequence {
  readonly ids: Int32Array;
  readonly trained: Uint8Array;
}

/** A preference pair, tokenized: completions include their EOS. */
export interface EncodedPreference {
  readonly prompt: Int32Array;
  readonly chosen: Int32Array;
  readonly rejected: Int32Array;
}

/** `all`: every token is a target (continued pre-training); `completion`: only answers are (SFT, LoRA). */
export type LossScope = 'all' | 'completion';

/** The example's text, split into context and trained parts. Preference pairs are not language-model data. */
export function exampleSegments(example: TrainingExample, index: number): TextSegment[] {
  switch (example.kind) {
    case 'text':
      return [{ text: example.text, trained: true }];
    case 'prompt-completion':
      return [
        { text: example.prompt, trained: false },
        { text: example.completion, trained: true },
      ];
    case 'chat':
      return renderChatSegments(example.messages);
    case 'preference':
      throw new ModelRuntimeError(
        'INVALID_TRAINING_DATA',
        `example ${index} is a preference pair; only dpo trains on preference pairs`,
        [{ path: `corpus.${index}.kind`, message: 'preference pairs need method dpo' }],
      );
  }
}

/**
 * BOS + segments + EOS. With scope `completion`, only trained segments and the final EOS (when the last
 * segment is trained) are targets; with `all`, everything after BOS is.
 */
export function encodeExample(
  tokenizer: BpeTokenizer,
  example: TrainingExample,
  index: number,
  scope: LossScope,
): EncodedSequence {
  const ids: number[] = [tokenizer.bosId];
  const trained: number[] = [0];
  const segments = exampleSegments(example, index);
  for (const segment of segments) {
    const flag = scope === 'all' || segment.trained ? 1 : 0;
    for (const id of tokenizer.encode(segment.text)) {
      ids.push(id);
      trained.push(flag);
    }
  }
  ids.push(tokenizer.eosId);
  trained.push(scope === 'all' || segments.at(-1)?.trained === true ? 1 : 0);
  return { ids: Int32Array.from(ids), trained: Uint8Array.from(trained) };
}

/** Tokenizes a preference pair; a chat prompt is rendered up to `Assistant:`. */
export function encodePreference(
  tokenizer: BpeTokenizer,
  example: TrainingExample,
  index: number,
): EncodedPreference {
  if (example.kind !== 'preference') {
    throw new ModelRuntimeError(
      'INVALID_TRAINING_DATA',
      `example ${index} is ${example.kind}; dpo needs preference pairs`,
      [{ path: `corpus.${index}.kind`, message: 'dpo needs preference pairs' }],
    );
  }
  const prompt = typeof example.prompt === 'string' ? example.prompt : renderChatPrompt(example.prompt);
  return {
    prompt: Int32Array.from([tokenizer.bosId, ...tokenizer.encode(prompt)]),
    chosen: Int32Array.from([...tokenizer.encode(example.chosen), tokenizer.eosId]),
    rejected: Int32Array.from([...tokenizer.encode(example.rejected), tokenizer.eosId]),
  };
}
