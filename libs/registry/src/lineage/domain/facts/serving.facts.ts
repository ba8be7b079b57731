import type { DeploymentChangedV1 } from '@llmops/contracts';
import { FactSet, type LineageFacts } from '../lineage-facts';
import { modelVersionRef, promptVersionRef, shortId } from '../node-refs';

/**
 * The deployments behind a route and what they serve. A deployment's mode, weight and health follow the
 * latest change by event time; its intervals (when it served, with which weight) come from the route
 * history, not from the node.
 */
export function deploymentChangedFacts(e: DeploymentChangedV1): LineageFacts {
  const facts = new FactSet();
  for (const target of e.targets) {
    const deployment = facts.node({
      kind: 'deployment',
      id: target.deploymentId,
      // Stable across changes: the mode and weight move (they are state), the deployment does not.
      label: `${e.route} ${shortId(target.deploymentId)}`,
      placeholder: false,
      occurredAt: e.changedAt,
      attributes: { route: e.route, backend: target.backend },
      state: {
        at: e.changedAt,
        values: { mode: target.mode, weight: target.weight, status: target.status, revision: e.revision },
      },
    });
    if (target.modelVersion) {
      facts.edge(modelVersionRef(facts, target.modelVersion), deployment, 'deployed-as', e.changedAt);
    }
    if (target.promptVersion) {
      facts.edge(promptVersionRef(facts, target.promptVersion), deployment, 'applied-in', e.changedAt);
    }
  }
  return facts.build();
}
