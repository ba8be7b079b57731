import type { ChatMessage } from '@llmops/contracts';

/** A piece of rendered text and whether the model is trained to produce it. */
export interface TextSegment {
  readonly text: string;
  readonly trained: boolean;
}

const ROLE_LABELS: Record<ChatMessage['role'], string> = {
  system: 'System',
  developer: 'System',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

/**
 * Where a rendered assistant turn should stop when generating: the start of the next user turn. Serving
 * passes it as a stop sequence; models trained on single-turn data also stop at EOS.
 */
export const CHAT_STOP_SEQUENCES: readonly string[] = ['\nUser:', '\nSystem:'];

/**
 * Chat as plain text, one `Role: content` line per message. The model has no role tokens, so this
 * template is the contract between SFT on chat data and serving: both must render the same way.
 * Assistant turns split as `Assistant:` (context) + ` content\n` (trained), so the space before the
 * answer belongs to the answer, the way BPE chunks it.
 */
export function renderChatSegments(messages: readonly ChatMessage[]): TextSegment[] {
  return messages.flatMap((message): TextSegment[] => {
    const content = messageText(message);
    if (message.role === 'assistant') {
      return [
        { text: 'Assistant:', trained: false },
        { text: ` ${content}\n`, trained: true },
      ];
    }
    return [{ text: `${ROLE_LABELS[message.role]}: ${content}\n`, trained: false }];
  });
}

/** The prompt for the assistant's next turn: the conversation so far, then `Assistant:`. */
export function renderChatPrompt(messages: readonly ChatMessage[]): string {
  return `${renderChatSegments(messages)
    .map((segment) => segment.text)
    .join('')}Assistant:`;
}

function messageText(message: ChatMessage): string {
  const { content } = message;
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text).join('');
}
