import type { ChatMessage } from '@llmops/contracts';

/** What a model is asked: a plain-text prompt it continues, or a conversation it answers. */
export type EvalPrompt = string | readonly ChatMessage[];

/** One held-out item: the prompt and the answers a good model would give. */
export interface EvalItem {
  readonly id: string;
  readonly prompt: EvalPrompt;
  /** At least one reference answer. */
  readonly references: readonly string[];
}

/** A prompt as one line of text, for reports and logs. */
export function promptText(prompt: EvalPrompt): string {
  if (typeof prompt === 'string') return prompt;
  return prompt.map((m) => `${m.role}: ${messageContent(m)}`).join('\n');
}

export function messageContent(message: ChatMessage): string {
  const { content } = message;
  if (content === null) return '';
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}
