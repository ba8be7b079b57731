import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { PodScriptSource } from './pod-script';
import type { PropagationPolicy } from './scripted-job-controller';

/** Options of `startKubernetesStandIn`. */
export interface KubernetesStandInOptions {
  /** Script of each pod a Job starts; default: the Job's `stand-in.llmops.io/script` annotation, else exit 0. */
  script?: PodScriptSource;
  /** Delay before a failed pod is replaced (real controllers back off from 10 s); default 10 ms. */
  retryDelayMs?: number;
}

/** A request the stand-in answered, for tests that assert how a client talked to it. */
export interface StandInRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  watch: boolean;
}

/** Make the next matching requests fail with `status` (an injected fault, like an apiserver hiccup). */
export interface StandInFault {
  method?: string;
  /** Matched against the path without the query. */
  path?: RegExp;
  /** Only watch requests (true), only non-watch ones (false), or both (absent). */
  watch?: boolean;
  status: number;
  /** How many requests fail; default 1. */
  times?: number;
}

/** A pod one of the stand-in's Jobs started. */
export interface StandInPod {
  name: string;
  /** The pod as last stored (its last state if it was deleted). */
  pod: IPod;
  deleted: boolean;
  logs: string[];
}

/** A Job the stand-in received, kept after deletion so tests can see how it ended. */
export interface StandInJob {
  namespace: string;
  name: string;
  uid: string;
  /** The Job as last stored (its last state if it was deleted). */
  job: IJob;
  /** How it was deleted; absent while it exists. */
  deleted?: { propagationPolicy: PropagationPolicy };
  pods: StandInPod[];
}

/**
 * A stand-in for a Kubernetes API server (not a cluster): the routes @kubernetes/client-node's
 * BatchV1Api, CoreV1Api, Watch and Log call for Jobs, Pods, pod logs and Secrets, backed by memory,
 * with a scripted controller instead of a scheduler and kubelet.
 */
export interface KubernetesStandIn {
  /** Base URL (`http://127.0.0.1:<port>`). */
  readonly url: string;
  /** Bearer token the stand-in requires (it answers 401 without it). */
  readonly token: string;
  /** Kubeconfig YAML pointing at the stand-in (`KubeConfig.loadFromString`). */
  readonly kubeconfig: string;
  /** The same as an object for `KubeConfig.loadFromOptions`. */
  readonly kubeconfigOptions: StandInKubeConfig;
  /** Every Job received so far, in creation order, deleted ones included. */
  jobs(): StandInJob[];
  /** Replaces the script source for pods started from now on. */
  script(source: PodScriptSource): void;
  /** Creates or replaces a Secret (plain-text values; the stand-in stores them base64 like the server). */
  putSecret(namespace: string, name: string, values: Record<string, string>): void;
  /** Ends every open watch stream, as an apiserver restart or an idle load balancer does. */
  dropWatches(): void;
  /** Forgets the event history: watches from an older resourceVersion get `410 Gone`. */
  compactHistory(): void;
  failNext(fault: StandInFault): void;
  /** The requests answered so far. */
  requests(): StandInRequest[];
  close(): Promise<void>;
}

/** Kubeconfig content in `KubeConfig.loadFromOptions` shape. */
export interface StandInKubeConfig {
  clusters: { name: string; server: string; skipTLSVerify: boolean }[];
  users: { name: string; token: string }[];
  contexts: { name: string; cluster: string; user: string; namespace: string }[];
  currentContext: string;
}
