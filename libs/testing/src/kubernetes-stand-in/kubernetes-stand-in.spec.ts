import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { waitFor } from '../wait-for';
import { startKubernetesStandIn } from './kubernetes-stand-in';
import { SCRIPT_ANNOTATION, type PodScript } from './pod-script';
import type { KubernetesStandIn } from './stand-in-types';

import type * as ClientNodeModule from '@kubernetes/client-node' with { 'resolution-mode': 'import' };

type ClientNode = typeof ClientNodeModule;
type V1Job = ClientNodeModule.V1Job;

const NAMESPACE = 'stand-in-ns';

function jobNamed(name: string, script?: PodScript, extra: Partial<V1Job['spec']> = {}): V1Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      labels: { app: 'probe' },
      ...(script === undefined ? {} : { annotations: { [SCRIPT_ANNOTATION]: JSON.stringify(script) } }),
    },
    spec: {
      backoffLimit: 0,
      ...extra,
      template: {
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'main', image: 'busybox:1.36', env: [{ name: 'A', value: '1' }] }],
        },
      },
    },
  };
}

describe('stand-in for a Kubernetes API server (not a cluster)', () => {
  let k8s: ClientNode;
  let standIn: KubernetesStandIn;
  let batch: InstanceType<ClientNode['BatchV1Api']>;
  let core: InstanceType<ClientNode['CoreV1Api']>;
  let config: InstanceType<ClientNode['KubeConfig']>;

  beforeAll(async () => {
    k8s = await import('@kubernetes/client-node');
  });

  beforeEach(async () => {
    standIn = await startKubernetesStandIn();
    config = new k8s.KubeConfig();
    config.loadFromString(standIn.kubeconfig);
    batch = config.makeApiClient(k8s.BatchV1Api);
    core = config.makeApiClient(k8s.CoreV1Api);
  });

  afterEach(async () => {
    await standIn.close();
  });

  it('runs a scripted Job to Complete and serves its pod and logs (stand-in)', async () => {
    await batch.createNamespacedJob({
      namespace: NAMESPACE,
      body: jobNamed('ok', { pendingMs: 20, logs: ['hello', 'world'] }),
    });
    const done = await waitFor('Complete', async () => {
      const job = await batch.readNamespacedJobStatus({ name: 'ok', namespace: NAMESPACE });
      return job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True')
        ? job
        : undefined;
    });
    expect(done.status?.succeeded).toBe(1);
    expect(done.spec?.template.metadata?.labels?.['job-name']).toBe('ok');
    const pods = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'job-name=ok' });
    expect(pods.items).toHaveLength(1);
    const pod = pods.items[0]!;
    expect(pod.status?.phase).toBe('Succeeded');
    const log = await core.readNamespacedPodLog({
      name: pod.metadata!.name!,
      namespace: NAMESPACE,
      tailLines: 1,
    });
    expect(log).toBe('world\n');
    expect(standIn.jobs()[0]?.pods[0]?.logs).toEqual(['hello', 'world']);
  });

  it('rejects a Job that breaks the official schema with a 422 Invalid Status (stand-in)', async () => {
    const bad = jobNamed('bad');
    bad.spec!.template.spec!.containers[0]!.env = [{ name: 'X', valueFrom: { secretKeyRef: { key: 'k' } } }];
    delete (bad.spec!.template.spec!.containers[0] as { name?: string }).name;
    const error = await batch
      .createNamespacedJob({ namespace: NAMESPACE, body: bad })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 422 });
    const body = JSON.parse(String((error as { body: unknown }).body)) as {
      reason: string;
      details: unknown;
    };
    expect(body.reason).toBe('Invalid');
    expect(body.details).toMatchObject({
      causes: [{ field: 'spec.template.spec.containers[0]', message: 'must have required property name' }],
    });
    expect(standIn.jobs()).toHaveLength(0);
  });

  it('applies the server-only rules: restartPolicy, GPU limits (stand-in)', async () => {
    const bad = jobNamed('gpu');
    bad.spec!.template.spec!.restartPolicy = 'Always';
    bad.spec!.template.spec!.containers[0]!.resources = { requests: { 'nvidia.com/gpu': '1' } };
    const error = await batch
      .createNamespacedJob({ namespace: NAMESPACE, body: bad })
      .catch((e: unknown) => e);
    const body = JSON.parse(String((error as { body: unknown }).body)) as {
      details: { causes: { field: string }[] };
    };
    expect(body.details.causes.map((c) => c.field)).toEqual([
      'spec.template.spec.restartPolicy',
      'spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]',
    ]);
  });

  it('streams watch events and replays from a resourceVersion; 410 after compaction (stand-in)', async () => {
    standIn.putSecret(NAMESPACE, 'unrelated', { a: 'b' });
    const list = await batch.listNamespacedJob({ namespace: NAMESPACE });
    const from = list.metadata!.resourceVersion!;
    await batch.createNamespacedJob({ namespace: NAMESPACE, body: jobNamed('w', { runMs: 30 }) });
    const events: string[] = [];
    const watch = new k8s.Watch(config);
    const ended = new Promise<unknown>((resolve) => {
      void watch.watch(
        `/apis/batch/v1/namespaces/${NAMESPACE}/jobs`,
        { resourceVersion: from, fieldSelector: 'metadata.name=w' },
        (type, object: IJob) => {
          const complete = object.status?.conditions?.some((c) => c.type === 'Complete') ?? false;
          events.push(`${type}${complete ? ':Complete' : ''}`);
          if (complete) standIn.dropWatches();
        },
        resolve,
      );
    });
    expect(await ended).toBeNull();
    expect(events[0]).toBe('ADDED');
    expect(events.at(-1)).toBe('MODIFIED:Complete');

    standIn.compactHistory();
    const expired = await new Promise<unknown>((resolve) => {
      void watch.watch(
        `/apis/batch/v1/namespaces/${NAMESPACE}/jobs`,
        { resourceVersion: from },
        (type, object: { code?: number }) => {
          if (type === 'ERROR') resolve(object.code);
        },
        () => undefined,
      );
    });
    expect(expired).toBe(410);
  });

  it('orphans pods without a propagationPolicy, stops them with Background (stand-in)', async () => {
    const hold: PodScript = {
      run: ({ signal }) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            resolve(undefined);
          });
        }),
    };
    standIn.script(() => hold);
    await batch.createNamespacedJob({ namespace: NAMESPACE, body: jobNamed('orphan') });
    await batch.createNamespacedJob({ namespace: NAMESPACE, body: jobNamed('bg') });
    await waitFor('both running', () =>
      standIn.jobs().every((job) => job.pods[0]?.pod.status?.phase === 'Running') &&
      standIn.jobs().length === 2
        ? true
        : undefined,
    );
    await batch.deleteNamespacedJob({ name: 'orphan', namespace: NAMESPACE });
    await batch.deleteNamespacedJob({ name: 'bg', namespace: NAMESPACE, propagationPolicy: 'Background' });
    await waitFor('bg pod gone', () => (standIn.jobs()[1]?.pods[0]?.deleted === true ? true : undefined));
    const [orphan, bg] = standIn.jobs();
    expect(orphan?.deleted).toEqual({ propagationPolicy: 'Orphan' });
    expect(orphan?.pods[0]?.deleted).toBe(false);
    expect(orphan?.pods[0]?.pod.status?.phase).toBe('Running');
    expect(bg?.deleted).toEqual({ propagationPolicy: 'Background' });
    const left = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: 'job-name' });
    expect(left.items.map((pod) => pod.metadata?.labels?.['job-name'])).toEqual(['orphan']);
  });

  it('retries failed pods up to backoffLimit, then fails the Job (stand-in)', async () => {
    standIn.script((_job, podIndex) => ({ logs: [`try ${podIndex}`], exit: { exitCode: 3 } }));
    await batch.createNamespacedJob({
      namespace: NAMESPACE,
      body: jobNamed('retry', undefined, { backoffLimit: 1 }),
    });
    const failed = await waitFor('Failed', async () => {
      const job = await batch.readNamespacedJob({ name: 'retry', namespace: NAMESPACE });
      return job.status?.conditions?.find((c) => c.type === 'Failed');
    });
    expect(failed).toMatchObject({ reason: 'BackoffLimitExceeded', status: 'True' });
    expect(standIn.jobs()[0]?.pods.map((pod) => pod.logs)).toEqual([['try 0'], ['try 1']]);
  });

  it('keeps a pod Pending until the Secret it references exists, then resolves it (stand-in)', async () => {
    let seen: string | undefined;
    standIn.script(() => ({ run: ({ env }) => void (seen = env['TOKEN']) }));
    const job = jobNamed('secret');
    job.spec!.template.spec!.containers[0]!.env = [
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token' } } },
    ];
    await batch.createNamespacedJob({ namespace: NAMESPACE, body: job });
    await waitFor('config error', () =>
      standIn.jobs()[0]?.pods[0]?.pod.status?.containerStatuses?.[0]?.state?.waiting?.reason ===
      'CreateContainerConfigError'
        ? true
        : undefined,
    );
    standIn.putSecret(NAMESPACE, 'creds', { token: 's3cret' });
    await waitFor('ran', () => seen);
    expect(seen).toBe('s3cret');
  });

  it('answers 401 without the token (stand-in)', async () => {
    const response = await fetch(`${standIn.url}/apis/batch/v1/namespaces/x/jobs`);
    expect(response.status).toBe(401);
  });
});
