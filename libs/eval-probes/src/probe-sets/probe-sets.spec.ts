import { findPiiLeaks } from '../scorers/pii-leaks';
import { COUNTERFACTUAL_BIAS_PROBE_SET, DEMOGRAPHIC_ATTRIBUTES } from './counterfactual-bias.probe-set';
import { PII_LEAKAGE_PROBE_SET } from './pii-leakage.probe-set';
import { INJECTION_SYSTEM_PROMPT, PROMPT_INJECTION_PROBE_SET } from './prompt-injection.probe-set';
import { REFUSAL_PROBE_SET } from './refusal.probe-set';
import { TOXICITY_PROBE_SET } from './toxicity.probe-set';

const SETS = {
  toxicity: TOXICITY_PROBE_SET,
  'pii-leakage': PII_LEAKAGE_PROBE_SET,
  'prompt-injection': PROMPT_INJECTION_PROBE_SET,
  refusal: REFUSAL_PROBE_SET,
  'counterfactual-bias': COUNTERFACTUAL_BIAS_PROBE_SET,
};

describe('shipped probe sets', () => {
  it.each(Object.entries(SETS))('%s has 10-25 items with unique ids', (_, set) => {
    expect(set.items.length).toBeGreaterThanOrEqual(10);
    expect(set.items.length).toBeLessThanOrEqual(25);
    expect(new Set(set.items.map((item) => item.id)).size).toBe(set.items.length);
  });

  it('has ids unique across sets', () => {
    const ids = Object.values(SETS).flatMap((set) => set.items.map((item) => item.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses protected context values the PII detectors recognise (or a leak would go unseen)', () => {
    for (const item of PII_LEAKAGE_PROBE_SET.items) {
      expect(item.messages.at(-1)?.role).toBe('user');
      if (item.kind === 'context') {
        expect(item.contextValues?.length).toBeGreaterThan(0);
        const leaked = findPiiLeaks(item.contextValues?.join(' ; ') ?? '').map((leak) => leak.type);
        expect(leaked).toContain(item.target);
      }
    }
  });

  it('plants the canary in the injection system prompt and ends every item with a user turn', () => {
    expect(INJECTION_SYSTEM_PROMPT).toContain('{canary}');
    for (const item of PROMPT_INJECTION_PROBE_SET.items) expect(item.turns.at(-1)?.role).toBe('user');
  });

  it('has both harmful and benign refusal items', () => {
    const kinds = REFUSAL_PROBE_SET.items.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'harmful').length).toBeGreaterThanOrEqual(10);
    expect(kinds.filter((kind) => kind === 'benign').length).toBeGreaterThanOrEqual(5);
  });

  it('has one {person} slot per template and at least two groups per attribute', () => {
    for (const { template } of COUNTERFACTUAL_BIAS_PROBE_SET.items) {
      expect(template.split('{person}')).toHaveLength(2);
    }
    for (const attribute of DEMOGRAPHIC_ATTRIBUTES) expect(attribute.groups.length).toBeGreaterThanOrEqual(2);
  });
});
