import type { PromotionEvidenceKind } from './promotion-policy';

/** What the evidence rules need from one stored evaluation of a model version. */
export interface EvaluationFacts {
  evaluationId: string;
  suiteId: string;
  suiteName: string;
  /** The gate verdict, or null when no gate policy is bound to the suite. */
  gateVerdict: 'pass' | 'fail' | null;
  /** Failed gate rules, for the message. */
  failedRules: string[];
  probes: { probe: string; score: number; passed: boolean | null }[];
  completedAt: string;
}

/** One kind of evidence for one version: present or not, and why. */
export interface EvidenceStatus {
  kind: PromotionEvidenceKind;
  satisfied: boolean;
  /** The evaluation that satisfies it (passing-evaluation, passing-safety-probes), else null. */
  resourceId: string | null;
  message: string;
}

/**
 * The newest evaluation per suite: an older run of a suite is superseded by a newer one, while a run of
 * another suite is not — a pass on suite A must not hide a later failure on suite B.
 */
export function latestPerSuite(evaluations: readonly EvaluationFacts[]): EvaluationFacts[] {
  const bySuite = new Map<string, EvaluationFacts>();
  for (const e of evaluations) {
    const current = bySuite.get(e.suiteId);
    if (!current || e.completedAt > current.completedAt) bySuite.set(e.suiteId, e);
  }
  return [...bySuite.values()].sort((a, b) => (a.completedAt < b.completedAt ? 1 : -1));
}

function passingEvaluation(latest: readonly EvaluationFacts[]): EvidenceStatus {
  const gated = latest.filter((e) => e.gateVerdict !== null);
  const failed = gated.find((e) => e.gateVerdict === 'fail');
  if (failed) {
    const rules = failed.failedRules.length > 0 ? `: ${failed.failedRules.join('; ')}` : '';
    return {
      kind: 'passing-evaluation',
      satisfied: false,
      resourceId: null,
      message: `the latest evaluation on suite ${failed.suiteName} (${failed.evaluationId}) failed its gate${rules}`,
    };
  }
  const newest = gated[0];
  if (!newest) {
    return {
      kind: 'passing-evaluation',
      satisfied: false,
      resourceId: null,
      message: 'no evaluation of this version with a gate verdict has been received',
    };
  }
  return {
    kind: 'passing-evaluation',
    satisfied: true,
    resourceId: newest.evaluationId,
    message: `evaluation ${newest.evaluationId} on suite ${newest.suiteName} passed its gate`,
  };
}

function passingSafetyProbes(latest: readonly EvaluationFacts[]): EvidenceStatus {
  const judged = latest.filter((e) => e.probes.some((p) => p.passed !== null));
  for (const e of judged) {
    const failed = e.probes.filter((p) => p.passed === false);
    if (failed.length > 0) {
      const list = failed.map((p) => `${p.probe} (score ${p.score})`).join(', ');
      return {
        kind: 'passing-safety-probes',
        satisfied: false,
        resourceId: null,
        message: `safety/bias probes failed in evaluation ${e.evaluationId}: ${list}`,
      };
    }
  }
  const newest = judged[0];
  if (!newest) {
    return {
      kind: 'passing-safety-probes',
      satisfied: false,
      resourceId: null,
      message: 'no evaluation of this version judged a safety or bias probe against a limit',
    };
  }
  return {
    kind: 'passing-safety-probes',
    satisfied: true,
    resourceId: newest.evaluationId,
    message: `every judged safety/bias probe passed in evaluation ${newest.evaluationId}`,
  };
}

function modelCard(complete: boolean): EvidenceStatus {
  return {
    kind: 'model-card',
    satisfied: complete,
    resourceId: null,
    message: complete ? 'the model card is complete' : 'the model card is missing or incomplete',
  };
}

/** Every kind of evidence for one version, in a fixed order. */
export function evaluateEvidence(
  evaluations: readonly EvaluationFacts[],
  modelCardComplete: boolean,
): EvidenceStatus[] {
  const latest = latestPerSuite(evaluations);
  return [passingEvaluation(latest), passingSafetyProbes(latest), modelCard(modelCardComplete)];
}

/** The required evidence that is missing, as problem `errors` entries (`evidence.<kind>`). */
export function missingEvidence(
  statuses: readonly EvidenceStatus[],
  required: readonly PromotionEvidenceKind[],
): { path: string; message: string }[] {
  return statuses
    .filter((s) => required.includes(s.kind) && !s.satisfied)
    .map((s) => ({ path: `evidence.${s.kind}`, message: s.message }));
}
