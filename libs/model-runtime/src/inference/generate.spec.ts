import { writeWindow } from '../data/token-windows';
import type { LoadedModel } from '../model/loaded-model';
import { rowWidth } from '../model/model-architecture';
import { trainTinyModel } from '../testing/tiny-model';
import { generate, generateStream } from './generate';
import { inferenceNetwork } from './inference-network';
import { logProb } from './log-prob';
import { perplexity } from './perplexity';

let model: LoadedModel;
beforeAll(async () => {
  model = await trainTinyModel();
});

describe('generate', () => {
  it('is deterministic at temperature 0, whatever the seed', async () => {
    const a = await generate(model, 'The morning', { temperature: 0, maxTokens: 20, seed: 1 });
    const b = await generate(model, 'The morning', { temperature: 0, maxTokens: 20, seed: 2 });
    expect(b).toEqual(a);
    expect(a.text.length).toBeGreaterThan(0);
  });

  it('picks the most likely token at every step at temperature 0', async () => {
    const ids = [model.tokenizer.bosId, ...model.tokenizer.encode('The morning')];
    const network = inferenceNetwork(model);
    const window = new Int32Array(rowWidth(model.architecture));
    for await (const event of generateStream(model, 'The morning', { temperature: 0, maxTokens: 15 })) {
      if (event.type !== 'delta' || event.tokenIds.length === 0) continue;
      writeWindow(ids, ids.length, window.length, window, 0);
      const probs = [...network.forward(window, 1).subarray(0, model.architecture.vocabSize)];
      const [token] = event.tokenIds;
      expect(probs.indexOf(Math.max(...probs))).toBe(token);
      ids.push(token!);
    }
  });

  it('reproduces a sampled completion from its seed', async () => {
    const options = { temperature: 1.2, topK: 40, topP: 0.95, maxTokens: 30, seed: 42 };
    const a = await generate(model, 'She', options);
    expect(await generate(model, 'She', options)).toEqual(a);
    expect(await generate(model, 'She', { ...options, seed: 43 })).not.toEqual(a);
  });

  it('stops at maxTokens with finish reason length', async () => {
    const result = await generate(model, 'The', { temperature: 1, maxTokens: 5, seed: 9 });
    expect(result).toEqual(expect.objectContaining({ completionTokens: 5, finishReason: 'length' }));
    expect(result.promptTokens).toBe(model.tokenizer.encode('The').length);
  });

  it('stops before a stop string and never streams part of it', async () => {
    const free = await generate(model, 'The', { temperature: 0, maxTokens: 40 });
    const stop = free.text.slice(6, 8);
    expect(stop).toHaveLength(2);
    const deltas: string[] = [];
    const result = await generate(
      model,
      'The',
      { temperature: 0, maxTokens: 40, stop: [stop, 'zzzz'] },
      (text) => deltas.push(text),
    );
    expect(result.finishReason).toBe('stop');
    expect(result.text).toBe(free.text.slice(0, free.text.indexOf(stop)));
    expect(deltas.join('')).toBe(result.text);
  });

  it('streams deltas that add up to the final text, then one done event', async () => {
    const events = [];
    for await (const event of generateStream(model, 'The', { temperature: 0.8, seed: 5, maxTokens: 25 })) {
      events.push(event);
    }
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    const text = events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(done).toEqual(expect.objectContaining({ text }));
    const tokens = events.flatMap((event) => (event.type === 'delta' ? event.tokenIds : []));
    expect(tokens).toHaveLength(done?.type === 'done' ? done.completionTokens : -1);
  });

  it('rejects bad options, listing each', async () => {
    await expect(generate(model, 'x', { maxTokens: 0, temperature: -1, topP: 2 })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      issues: [
        expect.objectContaining({ path: 'maxTokens' }),
        expect.objectContaining({ path: 'temperature' }),
        expect.objectContaining({ path: 'topP' }),
      ],
    });
  });
});

describe('perplexity and logProb', () => {
  it('agree: perplexity is exp of the mean NLL that logProb sums', () => {
    const text = 'The morning began with rain.';
    const ppl = perplexity(model, [text]);
    const scored = logProb(model, '', text, { includeEos: true });
    expect(ppl.tokenCount).toBe(scored.tokenCount);
    expect(ppl.meanNll).toBeCloseTo(-scored.logProb / scored.tokenCount, 5);
    expect(ppl.perplexity).toBeCloseTo(Math.exp(ppl.meanNll), 6);
  });

  it('finds trained text more likely than scrambled text', () => {
    const text = 'The morning began with rain. It fell softly on the roof.';
    const scrambled = text.split(' ').reverse().join(' ');
    expect(perplexity(model, [text]).perplexity).toBeLessThan(perplexity(model, [scrambled]).perplexity);
  });
});
