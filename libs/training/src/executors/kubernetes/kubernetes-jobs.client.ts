import type { Writable } from 'node:stream';
import type { BatchV1Api, CoreV1Api, KubeConfig, V1Job, V1Secret } from '@kubernetes/client-node' with {
  'resolution-mode': 'import',
};
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { KubernetesApiError } from './kubernetes-api.error';
import { loadKubeConfig, type KubeConfigSource } from './kube-config-source';
import { loadKubernetesClient, type KubernetesClientModule } from './kubernetes-client.loader';

/** One event of a Job watch, as the API server streams it (plain JSON). */
export interface JobWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** The Job (a `Status` for ERROR events, a Job with only metadata for BOOKMARK). */
  object: IJob & { code?: number };
}

/**
 * The Kubernetes calls the executor makes, in one namespace, over @kubernetes/client-node. Objects go
 * in and come out as plain JSON (kubernetes-models shapes, timestamps as strings), which is what the
 * executor builds, validates and what watch streams carry; every failure is a `KubernetesApiError`.
 */
export class KubernetesJobsClient {
  private constructor(
    private readonly k8s: KubernetesClientModule,
    private readonly config: KubeConfig,
    private readonly batch: BatchV1Api,
    private readonly core: CoreV1Api,
    readonly namespace: string,
  ) {}

  static async connect(source: KubeConfigSource, namespace: string): Promise<KubernetesJobsClient> {
    const k8s = await loadKubernetesClient();
    const config = loadKubeConfig(k8s, source);
    return new KubernetesJobsClient(
      k8s,
      config,
      config.makeApiClient(k8s.BatchV1Api),
      config.makeApiClient(k8s.CoreV1Api),
      namespace,
    );
  }

  async createJob(job: IJob): Promise<IJob> {
    const name = job.metadata?.name ?? '';
    // A Job the executor builds carries no timestamps, the one place the JSON and client-node shapes differ.
    const body = job as unknown as V1Job;
    return this.plain<IJob>(`create Job ${name}`, () =>
      this.batch.createNamespacedJob({ namespace: this.namespace, body }),
    );
  }

  async readJob(name: string): Promise<IJob> {
    return this.plain<IJob>(`read Job ${name}`, () =>
      this.batch.readNamespacedJob({ name, namespace: this.namespace }),
    );
  }

  async listJobs(labelSelector: string): Promise<IJob[]> {
    const list = await this.plain<{ items: IJob[] }>(`list Jobs ${labelSelector}`, () =>
      this.batch.listNamespacedJob({ namespace: this.namespace, labelSelector }),
    );
    return list.items;
  }

  /** Deletes the Job and, in the background, its pods (batch/v1's default would orphan them). */
  async deleteJob(name: string): Promise<void> {
    await this.guard(`delete Job ${name}`, () =>
      this.batch.deleteNamespacedJob({ name, namespace: this.namespace, propagationPolicy: 'Background' }),
    );
  }

  async createSecret(secret: ISecret): Promise<void> {
    const body = secret as unknown as V1Secret;
    await this.guard(`create Secret ${secret.metadata?.name ?? ''}`, () =>
      this.core.createNamespacedSecret({ namespace: this.namespace, body }),
    );
  }

  async listPods(labelSelector: string): Promise<IPod[]> {
    const list = await this.plain<{ items: IPod[] }>(`list Pods ${labelSelector}`, () =>
      this.core.listNamespacedPod({ namespace: this.namespace, labelSelector }),
    );
    return list.items;
  }

  async readPodLog(pod: string, container: string): Promise<string> {
    return this.guard(`read log of Pod ${pod}`, () =>
      this.core.readNamespacedPodLog({ name: pod, namespace: this.namespace, container }),
    );
  }

  /**
   * Streams the container's log into `sink` until the container ends (the server then closes the
   * stream and `sink` ends). Returns a function that stops following.
   */
  async followPodLog(pod: string, container: string, sink: Writable): Promise<() => void> {
    const log = new this.k8s.Log(this.config);
    const controller = await this.guard(`follow log of Pod ${pod}`, () =>
      log.log(this.namespace, pod, container, sink, { follow: true }),
    );
    return () => {
      controller.abort();
    };
  }

  /**
   * Watches one Job from `resourceVersion`; `done` is called once when the stream ends (null: the
   * server closed it) or fails. Returns a function that stops the watch.
   */
  async watchJob(
    name: string,
    resourceVersion: string,
    timeoutSeconds: number,
    onEvent: (event: JobWatchEvent) => void,
    done: (error: KubernetesApiError | null) => void,
  ): Promise<() => void> {
    const watch = new this.k8s.Watch(this.config);
    const path = `/apis/batch/v1/namespaces/${encodeURIComponent(this.namespace)}/jobs`;
    const controller = await this.guard(`watch Job ${name}`, () =>
      watch.watch(
        path,
        {
          fieldSelector: `metadata.name=${name}`,
          resourceVersion,
          timeoutSeconds,
          allowWatchBookmarks: true,
        },
        (type: string, object: JobWatchEvent['object']) => {
          onEvent({ type: type as JobWatchEvent['type'], object });
        },
        (error: unknown) => {
          done(
            error === null || error === undefined
              ? null
              : KubernetesApiError.from(`watch Job ${name}`, error),
          );
        },
      ),
    );
    return () => {
      controller.abort();
    };
  }

  /** Runs a client-node call returning API objects, as plain JSON (timestamps back to strings). */
  private async plain<T>(operation: string, request: () => Promise<unknown>): Promise<T> {
    const result = await this.guard(operation, request);
    return JSON.parse(JSON.stringify(result)) as T;
  }

  /** Runs a client-node call; failures become `KubernetesApiError`s. */
  private async guard<T>(operation: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw KubernetesApiError.from(operation, error);
    }
  }
}
