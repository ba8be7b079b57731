import type { EvaluationCompletedV1 } from '@llmops/contracts';
import { FactSet, type LineageFacts } from '../lineage-facts';
import { datasetVersionRef, modelVersionRef, splitsByVersion } from '../node-refs';

/** The evaluation, the version it judged, the data it used and the champion it was compared with. */
export function evaluationCompletedFacts(e: EvaluationCompletedV1): LineageFacts {
  const facts = new FactSet();
  const { candidate } = e;
  const evaluation = facts.own({
    kind: 'evaluation',
    id: e.evaluationId,
    label: `${e.suite.name} v${e.suite.version} evaluation`,
    occurredAt: e.completedAt,
    attributes: {
      suite: e.suite,
      trigger: e.trigger,
      candidate:
        candidate.kind === 'model-version'
          ? { kind: candidate.kind, versionId: candidate.versionId }
          : { kind: candidate.kind, baseUrl: candidate.baseUrl, model: candidate.model },
      itemCount: e.itemCount,
      metrics: e.metrics,
      probes: e.probes,
      gate: e.gate ? { verdict: e.gate.verdict, policyId: e.gate.policyId, reasons: e.gate.reasons } : null,
      warnings: e.warnings.map((w) => w.code),
      reportUri: e.report.uri,
      startedAt: e.startedAt,
      completedAt: e.completedAt,
    },
  });
  if (candidate.kind === 'model-version') {
    facts.edge(modelVersionRef(facts, candidate), evaluation, 'evaluated-in', e.completedAt);
  }
  for (const { ref, splits } of splitsByVersion(e.datasets)) {
    facts.edge(datasetVersionRef(facts, ref), evaluation, 'evaluation-data-for', e.completedAt, { splits });
  }
  if (e.championComparison) {
    facts.edge(
      modelVersionRef(facts, e.championComparison.champion),
      evaluation,
      'champion-in',
      e.completedAt,
    );
  }
  return facts.build();
}
