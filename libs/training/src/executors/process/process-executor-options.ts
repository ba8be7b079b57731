import type { ObjectStore } from '@llmops/storage';

/** How the `process` executor is set up (from the training service's validated config). */
export interface ProcessExecutorOptions {
  /** Where inputs come from and outputs go. */
  store: ObjectStore;
  /** Folder for the per-run directories (inputs, outputs); created when missing. Each run's is removed when it ends. */
  workDir: string;
  /**
   * The commands run specs may start. Anyone allowed to start a run over REST picks the command, and it
   * runs on this host as the service's user, so the host's operator decides what can run; a run spec only
   * adds arguments and variables. Two forms:
   * - name → argv, e.g. `{ hf: ['/usr/bin/python3', '/opt/trainer/train.py'] }`: specs say `command: 'hf'`;
   * - a list of programs (absolute paths or names on PATH), e.g. `['/opt/trainer/train.py']`: specs name
   *   one, or give an argv that starts with one.
   * Prefer scripts to interpreters: allowing `python3` itself lets a caller run any code through `args`
   * (`-c …`). Use absolute paths: the trainer starts in its own run directory. Default: none.
   */
  allowedCommands?: readonly string[] | Readonly<Record<string, readonly string[]>>;
  /**
   * Accept any argv, not only ones whose program is allow-listed. This hands the training host to every
   * caller who may start runs, so it is for a developer's own machine only. Default false.
   */
  allowArgvCommands?: boolean;
  /**
   * The environment every trainer starts from, before the run's `env` and the protocol's variables.
   * Nothing else is inherited, so the service's own secrets (database, store credentials) never reach a
   * trainer. Default: PATH, HOME, LANG, LC_ALL, TZ and TMPDIR of this process, where set.
   */
  baseEnv?: Readonly<Record<string, string>>;
  /** Milliseconds between SIGTERM and SIGKILL when a run is cancelled or times out (default 10 000). */
  killGraceMs?: number;
  /** Log lines kept for a failed run's `lastLogLines` (default 50). */
  lastLogLines?: number;
}
