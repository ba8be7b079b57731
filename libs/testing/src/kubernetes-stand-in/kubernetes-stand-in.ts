import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Secret, type ISecret } from 'kubernetes-models/v1/Secret';
import { stringify } from 'yaml';
import { drain, readJson, sendJson } from './http-io';
import { withJobDefaults } from './job-defaults';
import { PodLogBook } from './pod-log-book';
import { servePodLog } from './pod-log-stream';
import { scriptFromAnnotation, type PodScriptSource } from './pod-script';
import { ResourceTable, type ResourceName } from './resource-table';
import { ScriptedJobController, type PropagationPolicy } from './scripted-job-controller';
import { objectMatcher } from './selectors';
import { StandInApiError, successStatus } from './stand-in-api-error';
import type {
  KubernetesStandIn,
  KubernetesStandInOptions,
  StandInFault,
  StandInJob,
  StandInKubeConfig,
  StandInPod,
  StandInRequest,
} from './stand-in-types';
import { validateJob } from './validate-job';
import { serveWatch } from './watch-stream';

const JOBS = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/jobs(?:\/([^/]+)(?:\/(status))?)?$/;
const PODS = /^\/api\/v1\/namespaces\/([^/]+)\/pods(?:\/([^/]+)(?:\/(log|status))?)?$/;
const SECRETS = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/;

const LIST_KIND: Record<ResourceName, { apiVersion: string; kind: string }> = {
  jobs: { apiVersion: 'batch/v1', kind: 'JobList' },
  pods: { apiVersion: 'v1', kind: 'PodList' },
  secrets: { apiVersion: 'v1', kind: 'SecretList' },
};

/**
 * Starts a stand-in for a Kubernetes API server (not a cluster) on a free loopback port. See
 * `KubernetesStandIn` for what it serves; Jobs are checked against the official schema
 * (kubernetes-models) and the server's own rules, and rejected with a 422 `Invalid` Status.
 */
export async function startKubernetesStandIn(
  options: KubernetesStandInOptions = {},
): Promise<KubernetesStandIn> {
  const server = new StandInServer(options);
  await server.listen();
  return server;
}

class StandInServer implements KubernetesStandIn {
  readonly token = `stand-in-${randomBytes(12).toString('hex')}`;
  private readonly table = new ResourceTable();
  private readonly logs = new PodLogBook();
  private readonly controller: ScriptedJobController;
  private readonly http = createServer((req, res) => {
    this.handle(req, res);
  });
  private scriptSource: PodScriptSource;
  private readonly watches = new Set<ServerResponse>();
  private readonly faults: StandInFault[] = [];
  private readonly answered: StandInRequest[] = [];
  private readonly seen = new Map<string, { object: IJob | IPod; deleted: boolean }>();
  private readonly deletions = new Map<string, PropagationPolicy>();
  private readonly jobOrder: string[] = [];
  private address = '';

  constructor(options: KubernetesStandInOptions) {
    this.scriptSource = options.script ?? scriptFromAnnotation;
    this.controller = new ScriptedJobController({
      table: this.table,
      logs: this.logs,
      script: () => this.scriptSource,
      retryDelayMs: options.retryDelayMs ?? 10,
      onDeleted: (uid, policy) => this.deletions.set(uid, policy),
    });
    this.table.subscribe((event) => {
      if (event.resource === 'secrets') return;
      const uid = event.object.metadata?.uid ?? '';
      if (event.resource === 'jobs' && event.type === 'ADDED') this.jobOrder.push(uid);
      this.seen.set(uid, { object: event.object as IJob | IPod, deleted: event.type === 'DELETED' });
    });
  }

  get url(): string {
    return this.address;
  }

  get kubeconfigOptions(): StandInKubeConfig {
    return {
      clusters: [{ name: 'stand-in', server: this.address, skipTLSVerify: true }],
      users: [{ name: 'stand-in', token: this.token }],
      contexts: [{ name: 'stand-in', cluster: 'stand-in', user: 'stand-in', namespace: 'default' }],
      currentContext: 'stand-in',
    };
  }

  get kubeconfig(): string {
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      // client-node refuses plain http unless TLS verification is (vacuously) switched off.
      clusters: [{ name: 'stand-in', cluster: { server: this.address, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'stand-in', user: { token: this.token } }],
      contexts: [
        { name: 'stand-in', context: { cluster: 'stand-in', user: 'stand-in', namespace: 'default' } },
      ],
      'current-context': 'stand-in',
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    this.address = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  jobs(): StandInJob[] {
    return this.jobOrder.flatMap((uid) => {
      const entry = this.seen.get(uid);
      if (entry === undefined) return [];
      const job = entry.object as IJob;
      const policy = this.deletions.get(uid);
      return [
        {
          namespace: job.metadata?.namespace ?? '',
          name: job.metadata?.name ?? '',
          uid,
          job,
          ...(entry.deleted ? { deleted: { propagationPolicy: policy ?? 'Background' } } : {}),
          pods: this.podsOf(uid),
        },
      ];
    });
  }

  script(source: PodScriptSource): void {
    this.scriptSource = source;
  }

  putSecret(namespace: string, name: string, values: Record<string, string>): void {
    const data = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
    );
    const existing = this.table.get('secrets', namespace, name);
    if (existing) {
      this.table.update('secrets', namespace, name, (secret) => {
        secret.data = data;
      });
    } else {
      this.table.create('secrets', {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name, namespace },
        data,
      });
    }
  }

  dropWatches(): void {
    for (const res of this.watches) res.end();
    this.watches.clear();
  }

  compactHistory(): void {
    this.table.compact();
  }

  failNext(fault: StandInFault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  requests(): StandInRequest[] {
    return [...this.answered];
  }

  async close(): Promise<void> {
    this.controller.close();
    this.dropWatches();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.http.close(() => {
        resolve();
      });
    });
  }

  private podsOf(jobUid: string): StandInPod[] {
    return [...this.seen.values()]
      .filter(
        ({ object }) => object.kind === 'Pod' && (object.metadata?.labels ?? {})['controller-uid'] === jobUid,
      )
      .map(({ object, deleted }) => {
        const name = object.metadata?.name ?? '';
        return {
          name,
          pod: object as IPod,
          deleted,
          logs: this.logs.lines(object.metadata?.namespace ?? '', name),
        };
      });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams.entries());
    const watch = query['watch'] === 'true' || query['watch'] === '1';
    const method = req.method ?? 'GET';
    this.answered.push({ method, path: url.pathname, query, watch });
    this.route(req, res, url, watch).catch((error: unknown) => {
      const apiError =
        error instanceof StandInApiError
          ? error
          : new StandInApiError(500, 'InternalError', error instanceof Error ? error.message : String(error));
      if (res.headersSent) {
        res.end();
        return;
      }
      sendJson(res, apiError.code, apiError.toStatus());
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL, watch: boolean): Promise<void> {
    const method = req.method ?? 'GET';
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      throw new StandInApiError(401, 'Unauthorized', 'Unauthorized');
    }
    const fault = this.faults.find(
      (each) =>
        (each.method === undefined || each.method === method) &&
        (each.path === undefined || each.path.test(url.pathname)) &&
        (each.watch === undefined || each.watch === watch),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      throw new StandInApiError(fault.status, 'InternalError', `stand-in injected fault (${fault.status})`);
    }
    if (url.pathname === '/version') {
      sendJson(res, 200, { major: '1', minor: '33', gitVersion: 'v1.33.0-stand-in', platform: 'stand-in' });
      return;
    }
    const jobs = JOBS.exec(url.pathname);
    if (jobs) return this.handleJobs(req, res, url, watch, jobs[1] ?? '', jobs[2], jobs[3]);
    const pods = PODS.exec(url.pathname);
    if (pods) return this.handlePods(req, res, url, watch, pods[1] ?? '', pods[2], pods[3]);
    const secrets = SECRETS.exec(url.pathname);
    if (secrets) return this.handleSecrets(req, res, url, secrets[1] ?? '', secrets[2]);
    throw new StandInApiError(404, 'NotFound', 'the server could not find the requested resource');
  }

  private async handleJobs(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    watch: boolean,
    namespace: string,
    name: string | undefined,
    sub: string | undefined,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (name === undefined && method === 'GET') {
      if (watch) serveWatch(this.table, this.watches, req, res, url, 'jobs', namespace);
      else this.list(res, url, 'jobs', namespace);
      return;
    }
    if (name === undefined && method === 'POST') {
      const job = await readJson<unknown>(req);
      const created = this.createJob(job, namespace, url.searchParams.get('dryRun') === 'All');
      sendJson(res, 201, created);
      return;
    }
    if (name !== undefined && method === 'GET' && (sub === undefined || sub === 'status')) {
      sendJson(res, 200, this.table.require('jobs', namespace, decodeURIComponent(name)));
      return;
    }
    if (name !== undefined && method === 'DELETE' && sub === undefined) {
      const body = await readJson<{ propagationPolicy?: string } | undefined>(req, true);
      const policy = url.searchParams.get('propagationPolicy') ?? body?.propagationPolicy ?? 'Orphan';
      if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') {
        throw StandInApiError.badRequest(`unsupported propagationPolicy "${policy}"`);
      }
      const job = this.table.require('jobs', namespace, decodeURIComponent(name));
      const uid = job.metadata?.uid ?? '';
      this.controller.deleteJob(job, policy);
      sendJson(
        res,
        200,
        successStatus({ name: job.metadata?.name ?? '', group: 'batch', kind: 'jobs', uid }),
      );
      return;
    }
    throw new StandInApiError(
      405,
      'MethodNotAllowed',
      `the stand-in does not serve ${method} ${url.pathname}`,
    );
  }

  private async handlePods(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    watch: boolean,
    namespace: string,
    name: string | undefined,
    sub: string | undefined,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET') {
      throw new StandInApiError(
        405,
        'MethodNotAllowed',
        `the stand-in does not serve ${method} ${url.pathname}`,
      );
    }
    await drain(req);
    if (name === undefined) {
      if (watch) serveWatch(this.table, this.watches, req, res, url, 'pods', namespace);
      else this.list(res, url, 'pods', namespace);
      return;
    }
    const pod = this.table.require('pods', namespace, decodeURIComponent(name));
    if (sub === 'log') {
      servePodLog(this.logs, req, res, url, pod);
      return;
    }
    sendJson(res, 200, pod);
  }

  private async handleSecrets(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    namespace: string,
    name: string | undefined,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (name === undefined && method === 'POST') {
      const secret = await readJson<ISecret>(req);
      sendJson(res, 201, this.createSecret(secret, namespace));
      return;
    }
    await drain(req);
    if (name === undefined && method === 'GET') {
      this.list(res, url, 'secrets', namespace);
      return;
    }
    if (name !== undefined && method === 'GET') {
      sendJson(res, 200, this.table.require('secrets', namespace, decodeURIComponent(name)));
      return;
    }
    if (name !== undefined && method === 'DELETE') {
      const secret = this.table.require('secrets', namespace, decodeURIComponent(name));
      this.table.remove('secrets', namespace, decodeURIComponent(name));
      sendJson(
        res,
        200,
        successStatus({
          name: secret.metadata?.name ?? '',
          kind: 'secrets',
          uid: secret.metadata?.uid ?? '',
        }),
      );
      return;
    }
    throw new StandInApiError(
      405,
      'MethodNotAllowed',
      `the stand-in does not serve ${method} ${url.pathname}`,
    );
  }

  private createJob(body: unknown, namespace: string, dryRun: boolean): IJob {
    const head = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (head['apiVersion'] !== 'batch/v1' || head['kind'] !== 'Job') {
      throw StandInApiError.badRequest(
        `expected apiVersion batch/v1, kind Job; got ${JSON.stringify(head['apiVersion'])}, ${JSON.stringify(head['kind'])}`,
      );
    }
    const input = body as IJob;
    const metadata = { ...input.metadata };
    if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
      throw StandInApiError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    if ((metadata.name ?? '') === '' && metadata.generateName !== undefined) {
      metadata.name = `${metadata.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`;
    }
    const name = metadata.name ?? '';
    validateJob({ ...input, metadata: { ...metadata, namespace, name } }, name);
    const job = withJobDefaults({ ...input, metadata: { ...metadata, namespace, name } }, randomUUID());
    if (this.table.get('jobs', namespace, name)) throw StandInApiError.alreadyExists('jobs', name, 'batch');
    if (dryRun) return job;
    const created = this.table.create('jobs', { ...job, status: {} });
    this.controller.jobCreated(created);
    return created;
  }

  private createSecret(input: ISecret, namespace: string): ISecret {
    const name = input.metadata?.name ?? '';
    try {
      new Secret({ ...input, metadata: { ...input.metadata, namespace } }).validate();
    } catch (error) {
      throw StandInApiError.invalid('Secret', '', name, [
        {
          reason: 'FieldValueInvalid',
          field: '',
          message: error instanceof Error ? error.message : String(error),
        },
      ]);
    }
    const data = {
      ...input.data,
      ...Object.fromEntries(
        Object.entries(input.stringData ?? {}).map(([key, value]) => [
          key,
          Buffer.from(value).toString('base64'),
        ]),
      ),
    };
    const { stringData: _stringData, ...rest } = input;
    return this.table.create('secrets', { ...rest, metadata: { ...input.metadata, namespace, name }, data });
  }

  private list(res: ServerResponse, url: URL, resource: ResourceName, namespace: string): void {
    const matches = objectMatcher(url);
    sendJson(res, 200, {
      ...LIST_KIND[resource],
      metadata: { resourceVersion: String(this.table.resourceVersion) },
      items: this.table.list(resource, namespace).filter(matches),
    });
  }
}
