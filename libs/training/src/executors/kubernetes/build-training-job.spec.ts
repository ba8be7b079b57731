import { Job } from 'kubernetes-models/batch/v1/Job';
import { buildRunTokenSecret, buildTrainingJob, outputKeyPrefix, outputUri } from './build-training-job';
import { parseKubernetesRunSettings } from './kubernetes-run-settings';
import { attemptSelector, runIdLabelValue, trainingJobName } from './training-job-names';
import { secretSchemaProblems } from './validate-kubernetes-object';

const run = {
  runId: 'run_01J9ZQ8K4M7T2W',
  attempt: 2,
  method: 'dpo' as const,
  hyperparameters: { beta: 0.1 },
  baseModel: { kind: 'registry' as const, id: 'mv_7' },
  io: {
    datasets: [],
    baseModelUri: 's3://llmops/models/m1/v7/',
    outputPrefix: 'runs/run_01J9ZQ8K4M7T2W/attempt-2/',
  },
  callback: { url: 'http://training:3003/cb', token: 't0ken' },
};

function settings(input: Record<string, unknown>) {
  const parsed = parseKubernetesRunSettings(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.settings;
}

describe('buildTrainingJob', () => {
  it('builds a Job the official schema accepts, with defaults and no credentials inline', () => {
    const job = buildTrainingJob(run, settings({ image: 'trainer:2', command: ['python', '-m', 'train'] }), {
      endpoint: 'http://s3:9000',
      bucket: 'llmops',
    });
    expect(() => {
      new Job(job).validate();
    }).not.toThrow();
    expect(job.spec).toMatchObject({ backoffLimit: 0, ttlSecondsAfterFinished: 86_400, completions: 1 });
    const container = job.spec!.template.spec!.containers[0]!;
    expect(container.resources).toBeUndefined();
    const env = Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable.value]));
    expect(env).toMatchObject({
      LLMOPS_RUN_ATTEMPT: '2',
      LLMOPS_BASE_MODEL: 's3://llmops/models/m1/v7/',
      LLMOPS_BASE_MODEL_REF: '{"kind":"registry","id":"mv_7"}',
      LLMOPS_OUTPUT_URI: 's3://llmops/runs/run_01J9ZQ8K4M7T2W/attempt-2/',
      LLMOPS_S3_REGION: 'us-east-1',
    });
    expect(env).not.toHaveProperty('AWS_ACCESS_KEY_ID');
    expect(JSON.stringify(job)).not.toContain('t0ken');
    expect(job.spec!.template.spec!.automountServiceAccountToken).toBe(false);
  });

  it('keeps the token in a valid Secret owned by the Job', () => {
    const job = buildTrainingJob(run, settings({ image: 'trainer:2' }), {
      endpoint: 'http://s3',
      bucket: 'b',
    });
    const secret = buildRunTokenSecret({ ...job, metadata: { ...job.metadata, uid: 'uid-1' } }, 't0ken');
    expect(secretSchemaProblems(secret)).toEqual([]);
    expect(secret.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: job.metadata?.name,
        uid: 'uid-1',
        blockOwnerDeletion: false,
      },
    ]);
    expect(Buffer.from(secret.data?.['token'] ?? '', 'base64').toString()).toBe('t0ken');
  });
});

describe('training job names', () => {
  it('derives DNS-1123 names of at most 63 characters, distinct for ids that slug alike', () => {
    const long = trainingJobName(`run_${'x'.repeat(100)}`, 12);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(trainingJobName('Run_1', 1)).not.toBe(trainingJobName('run-1', 1));
    expect(trainingJobName('run-1', 1)).toBe(trainingJobName('run-1', 1));
    expect(trainingJobName('run-1', 1)).not.toBe(trainingJobName('run-1', 2));
  });

  it('uses the run id as label value when it can, a hash when it cannot', () => {
    expect(runIdLabelValue('run_01J9')).toBe('run_01J9');
    expect(runIdLabelValue('run/with spaces')).toMatch(/^h-[0-9a-f]{40}$/);
    expect(attemptSelector('run_01J9', 3)).toBe('llmops.io/run-id=run_01J9,llmops.io/attempt=3');
  });

  it('maps output prefixes to URIs and keys both ways', () => {
    expect(outputUri('runs/r1/', 'llmops')).toBe('s3://llmops/runs/r1/');
    expect(outputUri('s3://other/runs/r1/', 'llmops')).toBe('s3://other/runs/r1/');
    expect(outputKeyPrefix('s3://llmops/runs/r1/')).toBe('runs/r1/');
    expect(outputKeyPrefix('runs/r1/')).toBe('runs/r1/');
  });
});
