import type { EvalItem, EvalPrompt } from './eval-item';

const PLACEHOLDER = /\{\{\s*prompt\s*\}\}/g;

/**
 * Applies a suite's prompt template: `{{prompt}}` is replaced by the item's prompt text (for a
 * conversation, by the content of its last user message). Without a template the prompt is unchanged.
 */
export function applyPromptTemplate(item: EvalItem, template: string | undefined): EvalItem {
  if (template === undefined) return item;
  return { ...item, prompt: renderPrompt(item.prompt, template) };
}

function renderPrompt(prompt: EvalPrompt, template: string): EvalPrompt {
  if (typeof prompt === 'string') return template.replace(PLACEHOLDER, () => prompt);
  const lastUser = prompt.map((m) => m.role).lastIndexOf('user');
  if (lastUser < 0) return prompt;
  return prompt.map((message, index) => {
    if (index !== lastUser) return message;
    const content = typeof message.content === 'string' ? message.content : '';
    return { ...message, content: template.replace(PLACEHOLDER, () => content) };
  });
}
