import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an external OpenAI-compatible model server (vLLM, TGI...), which cannot run on this
 * machine: `POST /v1/chat/completions` answers with `answer(lastUserMessage)`. The first `failFirst`
 * requests get a 503, to exercise the client's retries. It is a test double, not a model.
 */
export class OpenAiStandIn {
  requests = 0;
  private server: Server | undefined;

  constructor(
    private readonly answer: (prompt: string) => string,
    private readonly failFirst = 0,
  ) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.requests += 1;
        if (req.url !== '/v1/chat/completions' || req.method !== 'POST') {
          res.writeHead(404).end();
          return;
        }
        if (this.requests <= this.failFirst) {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"warming up"}');
          return;
        }
        const { messages } = JSON.parse(body) as { messages: { role: string; content: string }[] };
        const prompt = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            choices: [{ index: 0, message: { role: 'assistant', content: this.answer(prompt) } }],
          }),
        );
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}
