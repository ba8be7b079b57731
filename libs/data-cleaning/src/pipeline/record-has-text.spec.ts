import { recordHasText } from './record-has-text';

describe('recordHasText', () => {
  it('needs visible text in a text record and in a prompt', () => {
    expect(recordHasText({ kind: 'text', text: ' \n ' })).toBe(false);
    expect(recordHasText({ kind: 'text', text: 'x' })).toBe(true);
    expect(recordHasText({ kind: 'prompt-completion', prompt: '', completion: 'answer' })).toBe(false);
    expect(recordHasText({ kind: 'prompt-completion', prompt: 'q', completion: '' })).toBe(true);
    expect(recordHasText({ kind: 'preference', prompt: ' ', chosen: 'a', rejected: 'b' })).toBe(false);
  });

  it('keeps a chat while any turn has text or a tool call', () => {
    expect(
      recordHasText({
        kind: 'chat',
        messages: [
          { role: 'user', content: '' },
          { role: 'assistant', content: [{ type: 'text', text: '' }] },
        ],
      }),
    ).toBe(false);
    expect(
      recordHasText({
        kind: 'chat',
        messages: [
          { role: 'user', content: '' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
          },
        ],
      }),
    ).toBe(true);
  });
});
