import type { DataRecord, RecordContent } from './data-record';

type ChatMessage = Extract<RecordContent, { kind: 'chat' }>['messages'][number];

function mapMessage(message: ChatMessage, fn: (text: string) => string): ChatMessage {
  const { content } = message;
  if (content === null) return message;
  if (typeof content === 'string') return { ...message, content: fn(content) };
  return { ...message, content: content.map((part) => ({ ...part, text: fn(part.text) })) };
}

function messageText(message: ChatMessage): string {
  const { content } = message;
  if (content === null) return '';
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}

/** Every text field of a record's content, in reading order (prompt before completion, turns in order). */
export function contentTexts(content: RecordContent): string[] {
  switch (content.kind) {
    case 'text':
      return [content.text];
    case 'prompt-completion':
      return [content.prompt, content.completion];
    case 'chat':
      return content.messages.map(messageText);
    case 'preference': {
      const prompt = typeof content.prompt === 'string' ? [content.prompt] : content.prompt.map(messageText);
      return [...prompt, content.chosen, content.rejected];
    }
  }
}

/** The record's text as one string (fields joined by a blank line): what dedup, quality and profiles look at. */
export function recordText(record: DataRecord): string {
  return contentTexts(record.content).join('\n\n');
}

/** A copy of the content with `fn` applied to every text field (used by normalisation and redaction). */
export function mapContentTexts(content: RecordContent, fn: (text: string) => string): RecordContent {
  switch (content.kind) {
    case 'text':
      return { ...content, text: fn(content.text) };
    case 'prompt-completion':
      return { ...content, prompt: fn(content.prompt), completion: fn(content.completion) };
    case 'chat':
      return { ...content, messages: content.messages.map((m) => mapMessage(m, fn)) };
    case 'preference':
      return {
        ...content,
        prompt:
          typeof content.prompt === 'string'
            ? fn(content.prompt)
            : content.prompt.map((m) => mapMessage(m, fn)),
        chosen: fn(content.chosen),
        rejected: fn(content.rejected),
      };
  }
}
