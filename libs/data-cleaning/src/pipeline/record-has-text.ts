import type { RecordContent } from '@llmops/data-formats';

const VISIBLE = /\S/;

/**
 * Whether cleaning left the record the text its shape requires (the contracts demand a non-empty text or
 * prompt). A chat survives with empty turns as long as some turn has text or calls a tool.
 */
export function recordHasText(content: RecordContent): boolean {
  switch (content.kind) {
    case 'text':
      return VISIBLE.test(content.text);
    case 'prompt-completion':
      return VISIBLE.test(content.prompt);
    case 'preference':
      return typeof content.prompt !== 'string' || VISIBLE.test(content.prompt);
    case 'chat':
      return content.messages.some((message) => {
        if (message.tool_calls !== undefined && message.tool_calls.length > 0) return true;
        const { content: body } = message;
        if (body === null) return false;
        return typeof body === 'string' ? VISIBLE.test(body) : body.some((part) => VISIBLE.test(part.text));
      });
  }
}
