import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ProbeError } from '../probe.error';
import { httpToxicityScorer } from './http-toxicity-scorer';

type Handler = (texts: string[], response: ServerResponse) => void;

/** A local classifier stand-in whose answer each test chooses. */
class FakeClassifier {
  readonly requests: { method: string | undefined; contentType: string | undefined; texts: string[] }[] = [];
  handler: Handler = (texts, response) => {
    this.json(response, 200, {
      results: texts.map((text) => ({ score: text.includes('idiot') ? 0.9 : 0.1 })),
    });
  };
  private readonly server: Server = createServer((request, response) => {
    void this.receive(request, response);
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/classify`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  private async receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const { texts } = JSON.parse(body) as { texts: string[] };
    this.requests.push({ method: request.method, contentType: request.headers['content-type'], texts });
    this.handler(texts, response);
  }
}

describe('httpToxicityScorer', () => {
  let classifier: FakeClassifier;
  let url: string;

  beforeEach(async () => {
    classifier = new FakeClassifier();
    url = await classifier.start();
  });

  afterEach(() => classifier.stop());

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProbeError);
    return error as ProbeError;
  };

  it('posts the texts as JSON and returns one result per text, in order', async () => {
    const results = await httpToxicityScorer(url).score(['you idiot', 'hello']);
    expect(results).toEqual([
      { score: 0.9, categories: {}, matches: [] },
      { score: 0.1, categories: {}, matches: [] },
    ]);
    expect(classifier.requests).toEqual([
      { method: 'POST', contentType: 'application/json', texts: ['you idiot', 'hello'] },
    ]);
  });

  it('keeps the known categories and ignores the others', async () => {
    classifier.handler = (texts, response) => {
      classifier.json(response, 200, {
        results: texts.map(() => ({
          score: 0.7,
          categories: { insult: 0.7, threat: 0.2, severe_toxicity: 0.5 },
        })),
      });
    };
    const [result] = await httpToxicityScorer(url).score(['x']);
    expect(result?.categories).toEqual({ insult: 0.7, threat: 0.2 });
  });

  it('sends large inputs in batches and does not call for an empty one', async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `text ${i}`);
    const results = await httpToxicityScorer(url, { batchSize: 2 }).score(texts);
    expect(results).toHaveLength(5);
    expect(classifier.requests.map((request) => request.texts.length)).toEqual([2, 2, 1]);
    await httpToxicityScorer(url).score([]);
    expect(classifier.requests).toHaveLength(3);
  });

  it.each([
    ['a missing results field', { scores: [0.5] }, /results/],
    ['a score above 1', { results: [{ score: 2 }] }, /results\.0\.score/],
    ['a score that is not a number', { results: [{ score: 'high' }] }, /results\.0\.score/],
    ['too few results', { results: [] }, /returned 0 results for 1 texts/],
  ])('rejects %s as classifier-bad-response', async (_, body, message) => {
    classifier.handler = (_texts, response) => {
      classifier.json(response, 200, body);
    };
    const error = await failure(httpToxicityScorer(url).score(['x']));
    expect(error.code).toBe('classifier-bad-response');
    expect(error.message).toMatch(message);
    expect(error.details.url).toBe(url);
  });

  it('rejects a body that is not JSON', async () => {
    classifier.handler = (_texts, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>');
    };
    const error = await failure(httpToxicityScorer(url).score(['x']));
    expect(error.code).toBe('classifier-bad-response');
    expect(error.message).toContain('invalid JSON');
  });

  it('reports a non-2xx status with the start of the body', async () => {
    classifier.handler = (_texts, response) => {
      classifier.json(response, 503, { error: 'model loading' });
    };
    const error = await failure(httpToxicityScorer(url).score(['x']));
    expect(error.code).toBe('classifier-http-error');
    expect(error.details.status).toBe(503);
    expect(error.message).toContain('model loading');
  });

  it('gives up after the timeout', async () => {
    classifier.handler = () => undefined; // never answers
    const error = await failure(httpToxicityScorer(url, { timeoutMs: 50 }).score(['x']));
    expect(error.code).toBe('classifier-unavailable');
  });

  it('reports an unreachable endpoint', async () => {
    await classifier.stop();
    const error = await failure(httpToxicityScorer(url).score(['x']));
    expect(error.code).toBe('classifier-unavailable');
    classifier = new FakeClassifier(); // for afterEach
    await classifier.start();
  });

  it('rejects bad options up front', () => {
    expect(() => httpToxicityScorer(url, { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => httpToxicityScorer(url, { batchSize: 1.5 })).toThrow(/batchSize/);
  });
});
