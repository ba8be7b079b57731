import { itemFromRecord } from './item-from-record';
import { applyPromptTemplate } from './prompt-template';
import { promptText } from './eval-item';

describe('itemFromRecord', () => {
  it('takes the completion, the last assistant turn or the chosen answer as the reference', () => {
    expect(
      itemFromRecord('a', { kind: 'prompt-completion', prompt: 'Q: 1+1?\nA:', completion: ' 2 ' }),
    ).toEqual({
      id: 'a',
      prompt: 'Q: 1+1?\nA:',
      references: ['2'],
    });
    const chat = itemFromRecord('b', {
      kind: 'chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
      ],
    });
    expect(chat?.references).toEqual(['Hello!']);
    expect(chat?.prompt).toHaveLength(2);
    expect(
      itemFromRecord('c', { kind: 'preference', prompt: 'P', chosen: ' yes', rejected: 'no' })?.references,
    ).toEqual(['yes']);
  });

  it('has no item for plain text or a chat that does not end with the assistant', () => {
    expect(itemFromRecord('d', { kind: 'text', text: 'just text' })).toBeNull();
    expect(itemFromRecord('e', { kind: 'chat', messages: [{ role: 'user', content: 'Hi' }] })).toBeNull();
  });
});

describe('applyPromptTemplate', () => {
  const item = { id: 'x', prompt: 'What is 2+2?', references: ['4'] };

  it('replaces {{prompt}} in text prompts and in the last user message of a chat', () => {
    expect(applyPromptTemplate(item, 'Answer briefly. {{ prompt }}\nAnswer:').prompt).toBe(
      'Answer briefly. What is 2+2?\nAnswer:',
    );
    const chat = applyPromptTemplate(
      {
        ...item,
        prompt: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'ok' },
          { role: 'user', content: 'second' },
        ],
      },
      '[{{prompt}}]',
    );
    expect(promptText(chat.prompt)).toBe('user: first\nassistant: ok\nuser: [second]');
  });

  it('leaves `$&`-like text in prompts alone and keeps the item without a template', () => {
    expect(applyPromptTemplate({ ...item, prompt: 'cost $& more' }, '> {{prompt}}').prompt).toBe(
      '> cost $& more',
    );
    expect(applyPromptTemplate(item, undefined)).toBe(item);
  });
});
