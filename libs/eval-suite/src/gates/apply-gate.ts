import type { ProbeOutcome } from '@llmops/eval-probes';
import type { MetricComparison } from '../champion/compare-with-champion';
import type { GatePolicyRules, GateRule } from './gate-policy';

export interface GateReason {
  readonly rule: string;
  readonly passed: boolean;
  readonly message: string;
}

export interface GateVerdict {
  readonly verdict: 'pass' | 'fail';
  readonly reasons: GateReason[];
}

export interface GateEvidence {
  readonly metrics: Readonly<Record<string, number>>;
  readonly probes: readonly ProbeOutcome[];
  /** null when there is no champion to compare with. */
  readonly comparisons: readonly MetricComparison[] | null;
  readonly warnings: readonly { code: string }[];
}

const fmt = (n: number): string => n.toFixed(4);

/** Every rule with its outcome and the observed value; the gate passes only when all rules pass. */
export function applyGate(policy: GatePolicyRules, evidence: GateEvidence): GateVerdict {
  const reasons = policy.rules.map((rule) => judge(rule, policy, evidence));
  return { verdict: reasons.every((r) => r.passed) ? 'pass' : 'fail', reasons };
}

function judge(rule: GateRule, policy: GatePolicyRules, evidence: GateEvidence): GateReason {
  switch (rule.kind) {
    case 'threshold': {
      const text = `${rule.metric} ${rule.op} ${String(rule.value)}`;
      const value = evidence.metrics[rule.metric];
      if (value === undefined)
        return { rule: text, passed: false, message: `${rule.metric} was not computed` };
      const passed = compare(value, rule.op, rule.value);
      return { rule: text, passed, message: `${rule.metric} = ${fmt(value)}` };
    }
    case 'champion': {
      const text = `${rule.metric} ${rule.require === 'better' ? 'significantly better than' : 'not significantly worse than'} champion`;
      if (evidence.comparisons === null) {
        const passed = policy.withoutChampion === 'pass';
        return {
          rule: text,
          passed,
          message: `no production version to compare with (withoutChampion: ${policy.withoutChampion})`,
        };
      }
      const c = evidence.comparisons.find((x) => x.metric === rule.metric);
      if (!c) return { rule: text, passed: false, message: `${rule.metric} was not compared` };
      const passed = rule.require === 'better' ? c.verdict === 'better' : c.verdict !== 'worse';
      return {
        rule: text,
        passed,
        message: `${rule.metric} ${fmt(c.candidate)} vs ${fmt(c.champion)}: difference ${fmt(c.difference)}, ${String(Math.round(c.confidenceLevel * 100))}% CI [${fmt(c.ciLow)}, ${fmt(c.ciHigh)}] → ${c.verdict}`,
      };
    }
    case 'probe': {
      const bounds = [
        rule.min !== undefined ? `>= ${String(rule.min)}` : '',
        rule.max !== undefined ? `<= ${String(rule.max)}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      const text = `probe ${rule.probe} ${bounds}`;
      const probe = evidence.probes.find((p) => p.probe === rule.probe);
      if (!probe) return { rule: text, passed: false, message: `probe ${rule.probe} was not run` };
      const passed =
        (rule.max === undefined || probe.score <= rule.max) &&
        (rule.min === undefined || probe.score >= rule.min);
      return {
        rule: text,
        passed,
        message: `${rule.probe} score = ${fmt(probe.score)} (${String(probe.flaggedCount)}/${String(probe.itemCount)} flagged)`,
      };
    }
    case 'no-warning': {
      const hit = evidence.warnings.filter((w) => w.code === rule.code).length;
      return {
        rule: `no ${rule.code} warning`,
        passed: hit === 0,
        message: hit === 0 ? 'none raised' : `${String(hit)} raised`,
      };
    }
  }
}

function compare(value: number, op: '>=' | '>' | '<=' | '<', bound: number): boolean {
  if (op === '>=') return value >= bound;
  if (op === '>') return value > bound;
  if (op === '<=') return value <= bound;
  return value < bound;
}

/** Per probe: within the policy's bounds, or null when the policy sets none for it. */
export function probeVerdicts(
  policy: GatePolicyRules | null,
  probes: readonly ProbeOutcome[],
): (boolean | null)[] {
  return probes.map((probe) => {
    const rules = (policy?.rules ?? []).filter((r) => r.kind === 'probe' && r.probe === probe.probe);
    if (rules.length === 0) return null;
    return rules.every(
      (r) =>
        r.kind === 'probe' &&
        (r.max === undefined || probe.score <= r.max) &&
        (r.min === undefined || probe.score >= r.min),
    );
  });
}
