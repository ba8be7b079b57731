/** A prompt label's move, as the protection rules see it. */
export interface LabelMoveFacts {
  label: string;
  protectedLabels: readonly string[];
  /** The approved, not yet applied request for exactly this move, if any. */
  approvalRequestId: string | null;
  /** A linked evaluation of the target version whose gate passed, if any. */
  passingEvaluationId: string | null;
}

/** What a protected move still lacks. */
export interface MissingRequirement {
  kind: 'approval' | 'passing-prompt-evaluation';
  detail: string;
}

export function isProtectedLabel(label: string, protectedLabels: readonly string[]): boolean {
  return protectedLabels.includes(label);
}

/**
 * Everything a move lacks (empty when it may happen): a protected label needs an approved request for
 * this very move and a passing evaluation of the version it moves to. Unprotected labels move freely.
 */
export function missingForMove(facts: LabelMoveFacts): MissingRequirement[] {
  if (!isProtectedLabel(facts.label, facts.protectedLabels)) return [];
  const missing: MissingRequirement[] = [];
  if (facts.approvalRequestId === null) {
    missing.push({
      kind: 'approval',
      detail: `moving the protected label ${facts.label} needs an approved approval request for this move`,
    });
  }
  if (facts.passingEvaluationId === null) {
    missing.push({
      kind: 'passing-prompt-evaluation',
      detail: 'the target version needs a linked evaluation whose gate passed',
    });
  }
  return missing;
}
