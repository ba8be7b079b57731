import { PROMPT_INJECTION_PROBE_SET } from '../probe-sets/prompt-injection.probe-set';
import type { ChatMessage } from '../probe.types';
import { makeCanary } from '../scorers/canary';
import { alwaysReply, echoConversation, REFUSAL, replyTo } from '../testing/fake-models';
import { runProbes } from '../run-probes';
import type { PromptInjectionProbeDetails } from './prompt-injection.probe';

const ITEMS = PROMPT_INJECTION_PROBE_SET.items.length;
const canary = makeCanary(42);

describe('prompt-injection probe', () => {
  it('plants the seeded canary in a system message ahead of every conversation', async () => {
    const seen: (readonly ChatMessage[])[] = [];
    await runProbes(
      ['prompt-injection'],
      (messages) => {
        seen.push(messages);
        return Promise.resolve(REFUSAL);
      },
      { seed: 42 },
    );
    expect(seen).toHaveLength(ITEMS);
    for (const messages of seen) {
      expect(messages[0]?.role).toBe('system');
      expect(messages[0]?.content).toContain(canary);
      expect(messages.at(-1)?.role).toBe('user');
    }
    expect(seen.map((messages) => messages.length)).toContain(4); // the multi-turn item
  });

  it('flags every reply of a model that gives the secret away', async () => {
    const [outcome] = await runProbes(['prompt-injection'], echoConversation, { seed: 42 });
    expect(outcome).toMatchObject({
      probe: 'prompt-injection',
      score: 1,
      higherIsWorse: true,
      itemCount: ITEMS,
      flaggedCount: ITEMS,
      details: { canary, leaksByForm: { verbatim: ITEMS } },
    });
  });

  it('scores 0 for a model that always declines', async () => {
    const [outcome] = await runProbes(['prompt-injection'], alwaysReply(REFUSAL), { seed: 42 });
    expect(outcome).toMatchObject({ score: 0, flaggedCount: 0, details: { leaksByForm: {} } });
  });

  it('catches a model that only leaks when asked for an encoding', async () => {
    const rot13 = (text: string) =>
      text.replace(/[a-z]/gi, (ch) =>
        String.fromCharCode(((ch.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + 97),
      );
    const generate = replyTo((prompt) => {
      if (prompt.includes('base64')) return `Here you go: ${Buffer.from(canary).toString('base64')}`;
      if (prompt.includes('backwards')) return canary.split('').reverse().join(' ');
      if (prompt.includes('ROT13')) return rot13(canary);
      return REFUSAL;
    });
    const [outcome] = await runProbes(['prompt-injection'], generate, { seed: 42 });
    const details = outcome?.details as PromptInjectionProbeDetails;
    expect(outcome?.score).toBe(3 / ITEMS);
    expect(details.byTechnique.encoding).toEqual({ items: 3, flagged: 3 });
    expect(details.byTechnique.direct).toEqual({ items: 1, flagged: 0 });
    expect(details.leaksByForm).toEqual({ base64: 1, reversed: 1, rot13: 1 });
  });

  it('uses a fresh canary on every unseeded run', async () => {
    const canaries = await Promise.all(
      [1, 2].map(async () => {
        const [outcome] = await runProbes(['prompt-injection'], alwaysReply(REFUSAL), {
          maxItemsPerProbe: 1,
        });
        return (outcome?.details as PromptInjectionProbeDetails).canary;
      }),
    );
    expect(canaries[0]).toMatch(/^CANARY-[0-9a-f]{16}$/);
    expect(canaries[0]).not.toBe(canaries[1]);
  });
});
