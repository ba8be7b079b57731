import type { ObjectStore } from '@llmops/storage';

/** What a connector may use besides its config; the ingestion worker builds one per run. */
export interface ConnectorContext {
  /** Cancels the run: connectors stop network and DB work and throw `signal.reason`. */
  signal: AbortSignal;
  /** The platform's object store (the `s3` connector reads imports from it). */
  store: ObjectStore;
  /** A directory the connector may create scratch folders in; it removes what it creates. */
  tmpDir: string;
  /**
   * Where `{ env: NAME }` secret references resolve. Defaults to `process.env`; the worker passes its
   * parsed config instead so secrets are read once at boot.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told about each file a connector leaves out on purpose (binary, over `maxFileBytes`). */
  onSkip?: (skipped: SkippedInput) => void;
}

export interface SkippedInput {
  name: string;
  reason: 'binary' | 'too-large';
  /** Size of the skipped file in bytes. */
  bytes: number;
}
