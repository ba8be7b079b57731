import type { ExportCompletedV1, ProjectCreatedV1 } from '@llmops/contracts';
import { FactSet, type LineageFacts } from '../lineage-facts';
import { datasetVersionRef, shortId } from '../node-refs';

export function projectCreatedFacts(e: ProjectCreatedV1): LineageFacts {
  const facts = new FactSet();
  const project = facts.own({
    kind: 'labeling-project',
    id: e.projectId,
    label: e.name,
    occurredAt: e.createdAt,
    attributes: {
      name: e.name,
      taskType: e.taskType,
      taskCount: e.taskCount,
      annotatorsPerTask: e.annotatorsPerTask,
      createdBy: e.createdBy.subject,
    },
  });
  if (e.datasetVersion) {
    facts.edge(datasetVersionRef(facts, e.datasetVersion), project, 'labeled-in', e.createdAt);
  }
  return facts.build();
}

/** The export, its project and — the same fact `project-created` gave — the project's dataset version. */
export function exportCompletedFacts(e: ExportCompletedV1): LineageFacts {
  const facts = new FactSet();
  const exported = facts.own({
    kind: 'labeling-export',
    id: e.exportId,
    label: `${e.format} export ${shortId(e.exportId)}`,
    occurredAt: e.completedAt,
    attributes: {
      projectId: e.projectId,
      format: e.format,
      fileUri: e.file.uri,
      fileSha256: e.file.sha256,
      counts: e.counts,
      agreement: e.agreement,
    },
  });
  const project = facts.ref(
    { kind: 'labeling-project', id: e.projectId },
    `labeling ${shortId(e.projectId)}`,
  );
  facts.edge(project, exported, 'exported-as', e.completedAt);
  if (e.sourceDatasetVersion) {
    facts.edge(datasetVersionRef(facts, e.sourceDatasetVersion), project, 'labeled-in', null);
  }
  return facts.build();
}
