import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { AsyncMutex } from './async-mutex';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: (() => void)[];
}

/**
 * PGlite is one embedded connection: transactions opened by TypeORM would interleave with every other
 * query in the process. All PGlite-backed hosts therefore share one mutex and run transactions one at a
 * time. PostgreSQL hosts run concurrently.
 */
const embeddedDatabaseMutex = new AsyncMutex();

/**
 * The unit of work of a service. `run` opens a transaction, or joins the one already open in this async
 * context, so a use case, the outbox and the idempotency store commit or roll back together.
 */
export class TransactionHost {
  private readonly scope = new AsyncLocalStorage<TransactionScope>();
  private readonly serialise: boolean;

  constructor(readonly dataSource: DataSource) {
    this.serialise = (dataSource.options as { driver?: unknown }).driver !== undefined;
  }

  /** The entity manager of the open transaction, or the data source's own outside a transaction. */
  get manager(): EntityManager {
    return this.scope.getStore()?.manager ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.scope.getStore() !== undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    const open = async (): Promise<{ result: T; hooks: (() => void)[] }> => {
      const hooks: (() => void)[] = [];
      const result = await this.dataSource.transaction((manager) =>
        this.scope.run({ manager, afterCommit: hooks }, work),
      );
      return { result, hooks };
    };
    const { result, hooks } = this.serialise ? await embeddedDatabaseMutex.runExclusive(open) : await open();
    for (const hook of hooks) hook();
    return result;
  }

  /** Runs `hook` once the surrounding transaction commits (at once when there is none). */
  afterCommit(hook: () => void): void {
    const scope = this.scope.getStore();
    if (scope) scope.afterCommit.push(hook);
    else hook();
  }

  /** Raw SQL inside the current transaction, if any. */
  query<R = unknown>(sql: string, parameters?: unknown[]): Promise<R> {
    return this.manager.query<R>(sql, parameters);
  }
}
