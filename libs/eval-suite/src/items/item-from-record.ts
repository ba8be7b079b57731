import type { IngestedRecordContentSchema } from '@llmops/contracts';
import type { z } from 'zod';
import type { EvalItem } from './eval-item';

type RecordContent = z.output<typeof IngestedRecordContentSchema>;

/**
 * A dataset record as an evaluation item: prompt-completion → the completion is the reference; chat → the
 * last assistant turn is the reference and the turns before it are the prompt; preference → the chosen
 * answer is the reference. Plain text has no answer to compare with: null.
 */
export function itemFromRecord(id: string, content: RecordContent): EvalItem | null {
  switch (content.kind) {
    case 'text':
      return null;
    case 'prompt-completion':
      return { id, prompt: content.prompt, references: [content.completion.trim()] };
    case 'preference':
      return { id, prompt: content.prompt, references: [content.chosen.trim()] };
    case 'chat': {
      const last = content.messages.length - 1;
      const answer = content.messages[last];
      if (last < 1 || answer?.role !== 'assistant') return null;
      const text =
        typeof answer.content === 'string'
          ? answer.content
          : (answer.content ?? []).map((p) => p.text).join('');
      return { id, prompt: content.messages.slice(0, last), references: [text.trim()] };
    }
  }
}
