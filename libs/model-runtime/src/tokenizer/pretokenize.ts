/**
 * Splits text into the chunks BPE merges within: a word with its leading space, a run of up to three
 * digits, a run of punctuation, or whitespace. Merges never cross a chunk, so " the" is learned once
 * rather than once per neighbour, and the split is what keeps encoding cacheable per chunk. Every
 * character lands in exactly one chunk, so joining the chunks gives the text back.
 */
const CHUNK_PATTERN =
  / ?[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*| ?\p{N}{1,3}| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Name recorded in tokenizer.json, so a future split rule can be told apart from this one. */
export const PRETOKENIZER_NAME = 'llmops-words-v1';

/** The chunks of `text`, in order. */
export function pretokenize(text: string): string[] {
  return text.match(CHUNK_PATTERN) ?? [];
}
