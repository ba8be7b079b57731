import { randomUUID } from 'node:crypto';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { StandInApiError } from './stand-in-api-error';

/** The resources the stand-in serves. */
export interface ResourceTypes {
  jobs: IJob;
  pods: IPod;
  secrets: ISecret;
}
export type ResourceName = keyof ResourceTypes;

/** What a watch stream sends (`ERROR` events are produced by the stream itself, not stored). */
export interface ResourceEvent<R extends ResourceName = ResourceName> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: R;
  object: ResourceTypes[R];
  /** The object's resourceVersion after this change, as a number. */
  version: number;
}

type StoredObject = ResourceTypes[ResourceName];

const GROUPS: Record<ResourceName, string> = { jobs: 'batch', pods: '', secrets: '' };

/**
 * The stand-in's etcd: objects by resource/namespace/name, one global resourceVersion counter, and the
 * event history watches replay from (until `compact()` expires it, as etcd compaction does).
 */
export class ResourceTable {
  private version = 0;
  private compactedThrough = 0;
  private readonly objects = new Map<string, StoredObject>();
  private readonly history: ResourceEvent[] = [];
  private readonly listeners = new Set<(event: ResourceEvent) => void>();

  /** The current resourceVersion (what a list answers with). */
  get resourceVersion(): number {
    return this.version;
  }

  get<R extends ResourceName>(resource: R, namespace: string, name: string): ResourceTypes[R] | undefined {
    const found = this.objects.get(keyOf(resource, namespace, name));
    return found === undefined ? undefined : (structuredClone(found) as ResourceTypes[R]);
  }

  /** Like `get`, but a 404 Status when absent. */
  require<R extends ResourceName>(resource: R, namespace: string, name: string): ResourceTypes[R] {
    const found = this.get(resource, namespace, name);
    if (found === undefined) throw StandInApiError.notFound(resource, name, GROUPS[resource]);
    return found;
  }

  list<R extends ResourceName>(resource: R, namespace: string): ResourceTypes[R][] {
    const prefix = `${resource}/${namespace}/`;
    return [...this.objects.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([, object]) => structuredClone(object) as ResourceTypes[R]);
  }

  /**
   * Stores a new object, filling resourceVersion, creationTimestamp and (unless the caller chose one
   * already, as the Job handler does to derive its selector) uid, like the server does.
   */
  create<R extends ResourceName>(resource: R, object: ResourceTypes[R]): ResourceTypes[R] {
    const metadata = object.metadata ?? {};
    const namespace = metadata.namespace ?? 'default';
    const name = metadata.name ?? '';
    const key = keyOf(resource, namespace, name);
    if (this.objects.has(key)) throw StandInApiError.alreadyExists(resource, name, GROUPS[resource]);
    const stored = structuredClone(object);
    stored.metadata = {
      ...metadata,
      namespace,
      name,
      uid: metadata.uid ?? randomUUID(),
      creationTimestamp: new Date().toISOString(),
      resourceVersion: String(this.nextVersion()),
    };
    if (resource === 'jobs') stored.metadata.generation = 1;
    this.objects.set(key, stored);
    this.emit({ type: 'ADDED', resource, object: stored, version: this.version });
    return structuredClone(stored);
  }

  /** Applies `change` to the stored object and bumps its resourceVersion; undefined when it is gone. */
  update<R extends ResourceName>(
    resource: R,
    namespace: string,
    name: string,
    change: (object: ResourceTypes[R]) => void,
  ): ResourceTypes[R] | undefined {
    const key = keyOf(resource, namespace, name);
    const current = this.objects.get(key) as ResourceTypes[R] | undefined;
    if (current === undefined) return undefined;
    const next = structuredClone(current);
    change(next);
    next.metadata = { ...next.metadata, resourceVersion: String(this.nextVersion()) };
    this.objects.set(key, next);
    this.emit({ type: 'MODIFIED', resource, object: next, version: this.version });
    return structuredClone(next);
  }

  /** Removes the object; the DELETED event carries its last state with a fresh resourceVersion. */
  remove<R extends ResourceName>(resource: R, namespace: string, name: string): ResourceTypes[R] | undefined {
    const key = keyOf(resource, namespace, name);
    const current = this.objects.get(key) as ResourceTypes[R] | undefined;
    if (current === undefined) return undefined;
    this.objects.delete(key);
    const last = structuredClone(current);
    last.metadata = { ...last.metadata, resourceVersion: String(this.nextVersion()) };
    this.emit({ type: 'DELETED', resource, object: last, version: this.version });
    return structuredClone(last);
  }

  /**
   * Events of `resource` after `version`, or 'expired' when compaction dropped some of them — the
   * watch then answers `410 Gone` and the client has to list again.
   */
  eventsSince(resource: ResourceName, version: number): ResourceEvent[] | 'expired' {
    if (version < this.compactedThrough) return 'expired';
    return this.history
      .filter((event) => event.resource === resource && event.version > version)
      .map((event) => ({ ...event, object: structuredClone(event.object) }));
  }

  /** Forgets the history so far: watches from an older resourceVersion get `410 Gone`. */
  compact(): void {
    this.compactedThrough = this.version;
    this.history.length = 0;
  }

  subscribe(listener: (event: ResourceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  private emit(event: ResourceEvent): void {
    const copy = { ...event, object: structuredClone(event.object) };
    this.history.push(copy);
    for (const listener of [...this.listeners]) listener({ ...copy, object: structuredClone(copy.object) });
  }
}

function keyOf(resource: ResourceName, namespace: string, name: string): string {
  return `${resource}/${namespace}/${name}`;
}
