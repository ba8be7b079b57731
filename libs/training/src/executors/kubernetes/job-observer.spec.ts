// eslint-disable-next-line @nx/enforce-module-boundaries -- test-only: the Kubernetes API stand-in lives in the testing lib
import { startKubernetesStandIn, waitFor, type KubernetesStandIn } from '@llmops/testing';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { JobObserver } from './job-observer';
import { jobPhase } from './job-status';
import { KubernetesJobsClient } from './kubernetes-jobs.client';

const NAMESPACE = 'observe';

function job(name: string): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      backoffLimit: 0,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'trainer', image: 'trainer:1' }] } },
    },
  };
}

describe('JobObserver against the stand-in for a Kubernetes API server (not a cluster)', () => {
  let standIn: KubernetesStandIn;
  let client: KubernetesJobsClient;
  let release: () => void;
  const never = new AbortController().signal;

  beforeEach(async () => {
    standIn = await startKubernetesStandIn();
    const released = new Promise<void>((resolve) => (release = resolve));
    standIn.script(() => ({ run: () => released.then(() => undefined) }));
    client = await KubernetesJobsClient.connect({ kind: 'yaml', yaml: standIn.kubeconfig }, NAMESPACE);
  });

  afterEach(async () => {
    release();
    await standIn.close();
  });

  function observe(name: string): JobObserver {
    return new JobObserver(client, name, {
      pollIntervalMs: 30,
      watchTimeoutSeconds: 60,
      maxWatchFailures: 3,
      warn: () => undefined,
    });
  }

  async function until(
    observer: JobObserver,
    done: (observed: ReturnType<JobObserver['current']>) => boolean,
  ) {
    for (;;) {
      const current = observer.current();
      if (done(current)) return current.observed;
      await observer.changed(current.version, 1000, never);
    }
  }

  it('re-reads the Job after 410 Gone (compacted history) and keeps watching (stand-in)', async () => {
    const observer = observe('compacted');
    observer.start(await client.createJob(job('compacted')));
    await waitFor(
      'watching',
      () => (standIn.requests().some((request) => request.watch) ? true : undefined),
      {
        intervalMs: 10,
      },
    );
    standIn.putSecret(NAMESPACE, 'bump', { a: 'b' });
    standIn.compactHistory();
    standIn.dropWatches();
    release();

    const observed = await until(
      observer,
      ({ observed }) => observed.kind === 'present' && jobPhase(observed.job).phase === 'complete',
    );
    expect(observed.kind).toBe('present');
    expect(observer.mode).toBe('watch');
    const reads = standIn
      .requests()
      .filter((request) => request.method === 'GET' && request.path.endsWith('/compacted'));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    await observer.stop();
  });

  it('reports a deleted Job as gone, with its last state (stand-in)', async () => {
    const observer = observe('deleted');
    observer.start(await client.createJob(job('deleted')));
    await client.deleteJob('deleted');

    const observed = await until(observer, ({ observed }) => observed.kind === 'gone');
    expect(observed).toMatchObject({ kind: 'gone', last: { metadata: { name: 'deleted' } } });
    await observer.stop();
  });

  it('polls when every watch fails (stand-in)', async () => {
    standIn.failNext({ watch: true, status: 403, times: 100 });
    const observer = observe('polled');
    observer.start(await client.createJob(job('polled')));
    release();

    await until(
      observer,
      ({ observed }) => observed.kind === 'present' && jobPhase(observed.job).phase === 'complete',
    );
    expect(observer.mode).toBe('poll');
    await observer.stop();
  });
});
