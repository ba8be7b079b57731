import type { TransactionHost } from '@llmops/persistence';

/** One immutable version of a named document (a suite, a gate policy). */
export interface NamedVersion<T> {
  id: string;
  name: string;
  version: number;
  body: T;
  createdAt: string;
}

interface Row<T> {
  id: string;
  name: string;
  version: number;
  body: T;
  created_at: Date;
}

/**
 * Storage of versioned named documents: each write is the next version of its name, versions never
 * change, and readers ask for a version number or the newest. `column` holds the document.
 */
export abstract class NamedVersionRepository<T> {
  protected constructor(
    protected readonly tx: TransactionHost,
    private readonly table: string,
    private readonly column: string,
  ) {}

  private get select(): string {
    return `SELECT id, name, version, ${this.column} AS body, created_at FROM ${this.table}`;
  }

  /** The next version of `name` (the unique key on (name, version) makes concurrent writers safe). */
  async insertNextVersion(id: string, name: string, body: T): Promise<NamedVersion<T>> {
    const rows = await this.tx.query<Row<T>[]>(
      `INSERT INTO ${this.table} (id, name, version, ${this.column})
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3 FROM ${this.table} WHERE name = $2
       RETURNING id, name, version, ${this.column} AS body, created_at`,
      [id, name, JSON.stringify(body)],
    );
    return toVersion(rows[0] as Row<T>);
  }

  async find(name: string, version: number | 'latest'): Promise<NamedVersion<T> | null> {
    const rows = await this.tx.query<Row<T>[]>(
      `${this.select} WHERE name = $1 AND ($2::int IS NULL OR version = $2::int) ORDER BY version DESC LIMIT 1`,
      [name, version === 'latest' ? null : version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  /** The newest version of every name. */
  async listLatest(): Promise<NamedVersion<T>[]> {
    const rows = await this.tx.query<Row<T>[]>(
      `SELECT DISTINCT ON (name) id, name, version, ${this.column} AS body, created_at FROM ${this.table}
       ORDER BY name, version DESC`,
    );
    return rows.map(toVersion);
  }
}

function toVersion<T>(r: Row<T>): NamedVersion<T> {
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    body: r.body,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
