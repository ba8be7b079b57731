import type { ApprovalSubject } from '@llmops/contracts';

/**
 * A stable text key of what a request asks to allow, built from names and numbers (not ids) so that the
 * promotion gate, which only knows `modelName`/`version`/`toStage`, finds the same request. At most one
 * open request exists per key.
 */
export function approvalSubjectKey(subject: ApprovalSubject): string {
  switch (subject.kind) {
    case 'model-stage-transition':
      return modelTransitionKey(subject.modelName, subject.version, subject.toStage);
    case 'prompt-label-move':
      return `prompt-label-move:${subject.promptName}:${subject.label}:${subject.version}`;
  }
}

export function modelTransitionKey(modelName: string, version: number, toStage: string): string {
  return `model-stage-transition:${modelName}:${version}:${toStage}`;
}
