import { generalEnglishParagraphs } from '../../corpus/general-english';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import { BpeTokenizer } from '../tokenizer/bpe-tokenizer';
import { renderChatPrompt } from './chat-template';
import { encodeExample, encodePreference } from './encode-examples';
import { buildWindows } from './token-windows';

const tokenizer = BpeTokenizer.train(generalEnglishParagraphs().slice(0, 10), 300);
const trainedText = (ids: Int32Array, trained: Uint8Array) =>
  tokenizer.decode([...ids].filter((_, index) => trained[index] === 1));

describe('encodeExample', () => {
  it('trains on the completion and EOS only for sft, on everything for continued pre-training', () => {
    const example = {
      kind: 'prompt-completion' as const,
      prompt: 'Question: why?\nAnswer:',
      completion: ' Because.',
    };
    const sft = encodeExample(tokenizer, example, 0, 'completion');
    expect(sft.ids[0]).toBe(tokenizer.bosId);
    expect(sft.ids.at(-1)).toBe(tokenizer.eosId);
    expect(trainedText(sft.ids, sft.trained)).toBe(' Because.');
    expect(sft.trained.at(-1)).toBe(1);
    const cpt = encodeExample(tokenizer, example, 0, 'all');
    expect(trainedText(cpt.ids, cpt.trained)).toBe('Question: why?\nAnswer: Because.');
    expect(cpt.trained[0]).toBe(0);
  });

  it('trains on assistant turns of a chat, rendered with the serving template', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: [{ type: 'text' as const, text: 'Hello!' }] },
    ];
    const encoded = encodeExample(tokenizer, { kind: 'chat', messages }, 0, 'completion');
    expect(tokenizer.decode(encoded.ids)).toBe('System: Be brief.\nUser: Hi\nAssistant: Hello!\n');
    expect(trainedText(encoded.ids, encoded.trained)).toBe(' Hello!\n');
    expect(renderChatPrompt(messages.slice(0, 2))).toBe('System: Be brief.\nUser: Hi\nAssistant:');
  });

  it('refuses preference pairs, naming the example', () => {
    const pair = { kind: 'preference' as const, prompt: 'p', chosen: 'a', rejected: 'b' };
    let thrown: unknown;
    try {
      encodeExample(tokenizer, pair, 3, 'all');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'INVALID_TRAINING_DATA',
      issues: [expect.objectContaining({ path: 'corpus.3.kind' })],
    });
    expect(() => encodePreference(tokenizer, { kind: 'text', text: 'x' }, 0)).toThrow(ModelRuntimeError);
  });
});

describe('buildWindows', () => {
  it('left-pads the context at the start of a sequence and skips untrained targets', () => {
    const ids = Int32Array.from([257, 10, 11, 12, 258]);
    const trained = Uint8Array.from([0, 0, 1, 1, 1]);
    const windows = buildWindows([{ ids, trained }], 3);
    expect(windows.count).toBe(3);
    expect([...windows.targets]).toEqual([11, 12, 258]);
    expect([...windows.contexts]).toEqual([256, 257, 10, 257, 10, 11, 10, 11, 12]);
  });
});
