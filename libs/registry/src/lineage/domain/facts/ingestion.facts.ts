import type { DatasetVersionCreatedV1 } from '@llmops/contracts';
import { FactSet, type LineageFacts } from '../lineage-facts';
import { datasetVersionRef, shortId } from '../node-refs';

/** A dataset version, what it was built from (source or labeling export) and its parent versions. */
export function datasetVersionCreatedFacts(e: DatasetVersionCreatedV1): LineageFacts {
  const facts = new FactSet();
  const version = facts.own({
    kind: 'dataset-version',
    id: e.versionId,
    label: `${e.datasetName} v${e.version}`,
    occurredAt: e.createdAt,
    attributes: {
      datasetId: e.datasetId,
      datasetName: e.datasetName,
      version: e.version,
      recordShape: e.recordShape,
      counts: e.counts,
      manifestUri: e.manifest.uri,
      manifestSha256: e.manifest.sha256,
      recipe: e.recipe,
      origin: e.origin.kind,
    },
  });
  switch (e.origin.kind) {
    case 'source': {
      const source = facts.ref(
        { kind: 'source', id: e.origin.sourceId },
        `${e.origin.sourceKind} source ${shortId(e.origin.sourceId)}`,
        { sourceKind: e.origin.sourceKind },
      );
      facts.edge(source, version, 'source-of', e.createdAt);
      break;
    }
    case 'labeling-export': {
      const project = facts.ref(
        { kind: 'labeling-project', id: e.origin.projectId },
        `labeling ${shortId(e.origin.projectId)}`,
      );
      const exported = facts.ref(
        { kind: 'labeling-export', id: e.origin.exportId },
        `export ${shortId(e.origin.exportId)}`,
        { projectId: e.origin.projectId },
      );
      facts.edge(project, exported, 'exported-as', null);
      facts.edge(exported, version, 'source-of', e.createdAt);
      break;
    }
    case 'derived':
      break;
  }
  for (const parent of e.parents) {
    facts.edge(datasetVersionRef(facts, parent), version, 'parent-of', e.createdAt);
  }
  return facts.build();
}
