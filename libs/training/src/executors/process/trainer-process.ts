import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

import { OutputLineSplitter } from './output-line-splitter';

/** How long to wait for the output pipes after the trainer exited (a grandchild may still hold them). */
const PIPE_DRAIN_MS = 2_000;

export interface TrainerProcessOptions {
  /** Program and arguments; started without a shell, so nothing in them is interpreted. */
  argv: readonly string[];
  cwd: string;
  /** The whole environment: nothing is inherited implicitly. */
  env: Record<string, string>;
  /** Aborting stops the trainer: SIGTERM to its process group, SIGKILL after `killGraceMs`. */
  signal: AbortSignal;
  killGraceMs: number;
  /** Stop the trainer the same way after this long (none when undefined). */
  timeoutMs?: number;
  /** The process started. */
  onSpawn(): void;
  onLine(line: string, stream: 'stdout' | 'stderr'): void;
}

/** How the trainer process ended. */
export type TrainerExit =
  | { kind: 'not-started'; error: Error }
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'cancelled' }
  | { kind: 'timed-out' };

/** Signals the trainer's whole process group (data loader workers, launchers), else the trainer alone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

function readLines(stream: Readable, onLine: (line: string) => void): void {
  const splitter = new OutputLineSplitter();
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    for (const line of splitter.push(text)) onLine(line);
  });
  stream.on('end', () => {
    for (const line of splitter.end()) onLine(line);
  });
  stream.on('error', () => undefined); // A broken pipe ends the output; the exit status tells the rest.
}

/**
 * Runs a trainer to its end. It gets its own process group (`detached`), so stopping it reaches every
 * process it started; the group is SIGKILLed once the trainer itself exits, so nothing it left behind
 * keeps running (or holds the output pipes open).
 */
export function runTrainerProcess(options: TrainerProcessOptions): Promise<TrainerExit> {
  return new Promise((resolve) => {
    const [program, ...args] = options.argv;
    if (program === undefined) {
      resolve({ kind: 'not-started', error: new Error('empty command') });
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn(program, args, {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (error) {
      resolve({ kind: 'not-started', error: error as Error });
      return;
    }
    let spawned = false;
    let settled = false;
    let stopping: 'cancelled' | 'timed-out' | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const timers: NodeJS.Timeout[] = [];

    const settle = (result: TrainerExit): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const stop = (why: 'cancelled' | 'timed-out'): void => {
      if (stopping !== undefined || exit !== undefined) return;
      stopping = why;
      signalGroup(child, 'SIGTERM');
      timers.push(
        setTimeout(() => {
          signalGroup(child, 'SIGKILL');
        }, options.killGraceMs),
      );
    };
    const onAbort = (): void => {
      stop('cancelled');
    };

    if (child.stdout)
      readLines(child.stdout, (line) => {
        options.onLine(line, 'stdout');
      });
    if (child.stderr)
      readLines(child.stderr, (line) => {
        options.onLine(line, 'stderr');
      });

    child.once('spawn', () => {
      spawned = true;
      options.onSpawn();
      if (options.signal.aborted) stop('cancelled');
      else options.signal.addEventListener('abort', onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timers.push(
          setTimeout(() => {
            stop('timed-out');
          }, options.timeoutMs),
        );
      }
    });
    child.on('error', (error) => {
      if (!spawned) settle({ kind: 'not-started', error });
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      signalGroup(child, 'SIGKILL');
      timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, PIPE_DRAIN_MS),
      );
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (!spawned) return; // 'error' settles a failed start
      if (stopping !== undefined) settle({ kind: stopping });
      else settle({ kind: 'exited', code: exit?.code ?? code, signal: exit?.signal ?? signal });
    });
  });
}
