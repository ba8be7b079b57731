import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EvaluationError } from '../evaluation-error';
import { OpenAiEndpointPredictor } from './openai-endpoint-predictor';
import { predictAll } from './predict-all';

/** A local OpenAI-compatible stand-in whose answers are scripted per request. */
async function serve(
  handler: (n: number, body: { messages: { content: string }[] }) => { status: number; body: string },
): Promise<{ url: string; requests: () => number; close: () => Promise<void>; inFlightMax: () => number }> {
  let n = 0;
  let inFlight = 0;
  let inFlightMax = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    inFlight += 1;
    inFlightMax = Math.max(inFlightMax, inFlight);
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      n += 1;
      const out = handler(n, JSON.parse(raw) as { messages: { content: string }[] });
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body);
      }, 5);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1`,
    requests: () => n,
    inFlightMax: () => inFlightMax,
    close: () =>
      new Promise((r) =>
        server.close(() => {
          r();
        }),
      ),
  };
}

const answer = (text: string) => ({
  status: 200,
  body: JSON.stringify({ choices: [{ message: { content: text } }] }),
});
const settings = { maxTokens: 16, stop: [], timeoutMs: 2000, retries: 2, backoffMs: 1 };

describe('OpenAiEndpointPredictor', () => {
  it('sends the prompt as a user message and returns the trimmed answer', async () => {
    const server = await serve((_, body) => answer(`  echo: ${body.messages[0]?.content ?? ''} `));
    try {
      const p = new OpenAiEndpointPredictor({ ...settings, baseUrl: `${server.url}/`, model: 'm' });
      await expect(p.generate('hello')).resolves.toBe('echo: hello');
    } finally {
      await server.close();
    }
  });

  it('retries 503s and gives up after retries + 1 attempts with the last reason', async () => {
    const server = await serve((n) => (n <= 2 ? { status: 503, body: 'busy' } : answer('ok')));
    const down = await serve(() => ({ status: 503, body: 'still busy' }));
    try {
      await expect(
        new OpenAiEndpointPredictor({ ...settings, baseUrl: server.url, model: 'm' }).generate('x'),
      ).resolves.toBe('ok');
      const failing = new OpenAiEndpointPredictor({ ...settings, baseUrl: down.url, model: 'm' }).generate(
        'x',
      );
      await expect(failing).rejects.toMatchObject({
        code: 'EVAL_ENDPOINT_UNREACHABLE',
        message: expect.stringContaining('HTTP 503 still busy'),
      });
      expect(down.requests()).toBe(3);
    } finally {
      await Promise.all([server.close(), down.close()]);
    }
  });

  it('does not retry a 4xx and refuses a body that is not a chat completion', async () => {
    const rejecting = await serve(() => ({ status: 401, body: '{"error":"bad key"}' }));
    const odd = await serve(() => ({ status: 200, body: '{"text":"hi"}' }));
    try {
      await expect(
        new OpenAiEndpointPredictor({ ...settings, baseUrl: rejecting.url, model: 'm' }).generate('x'),
      ).rejects.toMatchObject({
        code: 'EVAL_ENDPOINT_REJECTED',
      });
      expect(rejecting.requests()).toBe(1);
      await expect(
        new OpenAiEndpointPredictor({ ...settings, baseUrl: odd.url, model: 'm' }).generate('x'),
      ).rejects.toMatchObject({
        code: 'EVAL_ENDPOINT_BAD_RESPONSE',
      });
    } finally {
      await Promise.all([rejecting.close(), odd.close()]);
    }
  });

  it('an unreachable endpoint fails with EVAL_ENDPOINT_UNREACHABLE', async () => {
    const p = new OpenAiEndpointPredictor({ ...settings, baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });
    const error = await p.generate('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).message).toContain('gave up after 3 attempts');
  });
});

describe('predictAll', () => {
  it('keeps answers in prompt order with at most `concurrency` requests in flight', async () => {
    const server = await serve((_, body) => answer(body.messages[0]?.content.toUpperCase() ?? ''));
    try {
      const p = new OpenAiEndpointPredictor({ ...settings, baseUrl: server.url, model: 'm' });
      const prompts = Array.from({ length: 12 }, (_, i) => `p${String(i)}`);
      const answers = await predictAll(p, prompts, { concurrency: 3 });
      expect(answers).toEqual(prompts.map((x) => x.toUpperCase()));
      expect(server.inFlightMax()).toBeLessThanOrEqual(3);
      expect(server.inFlightMax()).toBeGreaterThan(1);
    } finally {
      await server.close();
    }
  });

  it('stops taking prompts after the first failure and rethrows it', async () => {
    let calls = 0;
    const failing = {
      label: 'f',
      generate: async (prompt: unknown) => {
        calls += 1;
        await Promise.resolve();
        if (prompt === 'bad') throw new EvaluationError('EVAL_ENDPOINT_REJECTED', 'nope');
        return 'ok';
      },
    };
    const prompts = ['a', 'bad', ...Array.from({ length: 20 }, () => 'c')];
    await expect(predictAll(failing, prompts, { concurrency: 2 })).rejects.toThrow('nope');
    expect(calls).toBeLessThan(prompts.length);
  });
});
