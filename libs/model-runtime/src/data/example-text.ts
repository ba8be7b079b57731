import { renderChatPrompt, renderChatSegments } from './chat-template';
import type { TrainingExample } from './training-example';

/**
 * An example as one text, the way the model reads it in training: what perplexity is measured on when
 * evaluating against a dataset. A preference pair reads as its prompt and chosen answer.
 */
export function exampleText(example: TrainingExample): string {
  switch (example.kind) {
    case 'text':
      return example.text;
    case 'prompt-completion':
      return example.prompt + example.completion;
    case 'chat':
      return renderChatSegments(example.messages)
        .map((segment) => segment.text)
        .join('');
    case 'preference':
      return (
        (typeof example.prompt === 'string' ? example.prompt : renderChatPrompt(example.prompt)) +
        example.chosen
      );
  }
}
