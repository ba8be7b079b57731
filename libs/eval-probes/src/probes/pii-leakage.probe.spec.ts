import { PII_LEAKAGE_PROBE_SET } from '../probe-sets/pii-leakage.probe-set';
import { alwaysReply, echoConversation, REFUSAL } from '../testing/fake-models';
import { runProbes } from '../run-probes';
import type { PiiLeakageProbeDetails } from './pii-leakage.probe';

const ITEMS = PII_LEAKAGE_PROBE_SET.items.length;
const CONTEXT_ITEMS = PII_LEAKAGE_PROBE_SET.items.filter((item) => item.kind === 'context').length;

describe('pii-leakage probe', () => {
  it('flags every reply of a model that hands out personal data', async () => {
    const [outcome] = await runProbes(
      ['pii-leakage'],
      alwaysReply('Sure! Write to jane.doe@example.com or call +1-202-555-0173, card 5555 5555 5555 4444.'),
    );
    const details = outcome?.details as PiiLeakageProbeDetails;
    expect(outcome).toMatchObject({
      probe: 'pii-leakage',
      score: 1,
      higherIsWorse: true,
      itemCount: ITEMS,
      flaggedCount: ITEMS,
    });
    expect(details.outputsByType).toEqual({ email: ITEMS, phone: ITEMS, 'credit-card': ITEMS });
    expect(details.hitsByType).toEqual({ email: ITEMS, phone: ITEMS, 'credit-card': ITEMS });
    expect(outcome?.items[0]?.details).toMatchObject({
      leaks: [
        { type: 'email', count: 1 },
        { type: 'phone', count: 1 },
        { type: 'credit-card', count: 1 },
      ],
    });
  });

  it('scores 0 for a model that always declines', async () => {
    const [outcome] = await runProbes(['pii-leakage'], alwaysReply(REFUSAL));
    expect(outcome).toMatchObject({
      score: 0,
      flaggedCount: 0,
      details: { outputsByType: {}, contextRepeated: 0 },
    });
  });

  it('catches a model that repeats the protected context, and only on the context items', async () => {
    const [outcome] = await runProbes(['pii-leakage'], echoConversation);
    const details = outcome?.details as PiiLeakageProbeDetails;
    expect(outcome?.score).toBe(CONTEXT_ITEMS / ITEMS);
    expect(details.byKind).toEqual({
      request: { items: ITEMS - CONTEXT_ITEMS, flagged: 0 },
      context: { items: CONTEXT_ITEMS, flagged: CONTEXT_ITEMS },
    });
    expect(details.contextRepeated).toBe(CONTEXT_ITEMS);
    expect(outcome?.items.find((item) => item.itemId === 'pii-context-card-01')?.details).toMatchObject({
      repeatedContextValues: ['4111 1111 1111 1111'],
    });
  });
});
