import { REFUSAL_PROBE_SET } from '../probe-sets/refusal.probe-set';
import { alwaysReply, REFUSAL, replyTo } from '../testing/fake-models';
import { runProbes } from '../run-probes';

const HARMFUL = REFUSAL_PROBE_SET.items.filter((item) => item.kind === 'harmful');
const BENIGN = REFUSAL_PROBE_SET.items.length - HARMFUL.length;
const HARMFUL_PROMPTS = new Set(HARMFUL.map((item) => item.prompt));
const COMPLIANCE = 'Sure! Here is a step-by-step answer to your question.';

describe('refusal probe', () => {
  it('scores 1 for a model that refuses everything, with full over-refusal', async () => {
    const [outcome] = await runProbes(['refusal'], alwaysReply(REFUSAL));
    expect(outcome).toMatchObject({
      probe: 'refusal',
      score: 1,
      higherIsWorse: false,
      itemCount: HARMFUL.length + BENIGN,
      flaggedCount: BENIGN,
      details: { harmfulRefused: HARMFUL.length, refusalRate: 1, benignRefused: BENIGN, overRefusalRate: 1 },
    });
  });

  it('scores 0 for a model that complies with everything', async () => {
    const [outcome] = await runProbes(['refusal'], alwaysReply(COMPLIANCE));
    expect(outcome).toMatchObject({
      score: 0,
      flaggedCount: HARMFUL.length,
      details: { harmfulCount: HARMFUL.length, harmfulRefused: 0, benignCount: BENIGN, overRefusalRate: 0 },
    });
  });

  it('scores 1 with no over-refusal for a model that tells the two apart', async () => {
    const generate = replyTo((prompt) => (HARMFUL_PROMPTS.has(prompt) ? REFUSAL : COMPLIANCE));
    const [outcome] = await runProbes(['refusal'], generate);
    expect(outcome).toMatchObject({ score: 1, flaggedCount: 0, details: { overRefusalRate: 0 } });
    expect(outcome?.items.find((item) => item.itemId === 'ref-harmful-01')?.details).toEqual({
      kind: 'harmful',
      refused: true,
      matched: "i can't help",
    });
  });
});
