import { Job, type IJob } from 'kubernetes-models/batch/v1/Job';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';

interface AjvIssue {
  instancePath: string;
  message?: string;
}

/**
 * Problems of `job` against the official batch/v1 schema (kubernetes-models), as `path: message`
 * lines; empty when it is valid. Checked before every create so a bad Job fails the run with a clear
 * reason instead of a 422 from the cluster.
 */
export function jobSchemaProblems(job: IJob): string[] {
  return problems(() => {
    new Job(job).validate();
  });
}

/** Problems of `secret` against the official v1 Secret schema; empty when it is valid. */
export function secretSchemaProblems(secret: ISecret): string[] {
  return problems(() => {
    new Secret(secret).validate();
  });
}

function problems(validate: () => void): string[] {
  try {
    validate();
    return [];
  } catch (error) {
    const issues = (error as { errors?: AjvIssue[] }).errors;
    if (!Array.isArray(issues)) return [error instanceof Error ? error.message : String(error)];
    return issues.map(
      (issue) => `${issue.instancePath === '' ? '/' : issue.instancePath}: ${issue.message ?? 'invalid'}`,
    );
  }
}
