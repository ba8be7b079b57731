import type { ChatMessage } from '../probe.types';

/** The content of the last user message: what a probe item's result shows as its prompt. */
export function lastUserMessage(messages: readonly ChatMessage[]): string {
  return messages.findLast((message) => message.role === 'user')?.content ?? '';
}
