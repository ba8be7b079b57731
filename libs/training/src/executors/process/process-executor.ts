import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { ObjectStore } from '@llmops/storage';

import type { ExecutorOutcome, ExecutorRun, TrainingExecutor } from '../training-executor';
import { objectKeyOf } from './object-key';
import { PROCESS_FAILURE_CODES } from './process-failure-codes';
import type { ProcessExecutorOptions } from './process-executor-options';
import { normalizeAllowedCommands, resolveProcessSettings, type CommandPolicy } from './process-settings';
import { downloadRunInputs } from './run-inputs';
import { uploadRunOutputs } from './run-outputs';
import { buildTrainerEnv } from './trainer-env';
import { scriptSha256Of, trainerIdentity } from './trainer-identity';
import { parseTrainerOutputLine } from './trainer-output';
import { runTrainerProcess, type TrainerExit } from './trainer-process';

const INHERITED_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

/** What the executor learned from the trainer's output while it ran. */
interface RunObservations {
  finalMetrics: Record<string, number>;
  version: string | null;
  lastLines: string[];
}

/**
 * Runs a trainer as a local command (DESIGN §5): downloads the inputs into a per-run directory, starts an
 * allow-listed command with the trainer protocol's environment (docs/training-protocol.md), turns its
 * output into metrics and logs, and stores what it wrote as the run's artifacts.
 */
export class ProcessExecutor implements TrainingExecutor {
  readonly kind = 'process' as const;
  private readonly store: ObjectStore;
  private readonly workDir: string;
  private readonly policy: CommandPolicy;
  private readonly baseEnv: Readonly<Record<string, string>>;
  private readonly killGraceMs: number;
  private readonly keptLines: number;

  constructor(options: ProcessExecutorOptions) {
    this.store = options.store;
    this.workDir = options.workDir;
    this.policy = {
      allowedCommands: normalizeAllowedCommands(options.allowedCommands),
      allowArgvCommands: options.allowArgvCommands ?? false,
    };
    this.baseEnv = options.baseEnv ?? inheritedEnv();
    this.killGraceMs = options.killGraceMs ?? 10_000;
    this.keptLines = options.lastLogLines ?? 50;
  }

  validateSettings(settings: unknown): { path: string; message: string }[] {
    const resolved = resolveProcessSettings(settings, this.policy);
    return resolved.ok ? [] : resolved.issues;
  }

  async run(run: ExecutorRun): Promise<ExecutorOutcome> {
    const resolved = resolveProcessSettings(run.settings, this.policy);
    if (!resolved.ok) {
      const reason = resolved.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return failed(PROCESS_FAILURE_CODES.invalidSettings, `invalid process settings: ${reason}`, []);
    }
    await mkdir(this.workDir, { recursive: true });
    const runDir = await mkdtemp(
      join(this.workDir, `${run.runId.replace(/[^A-Za-z0-9_-]/g, '_')}-${run.attempt}-`),
    );
    try {
      const dirs = { inputDir: join(runDir, 'input'), outputDir: join(runDir, 'output') };
      await mkdir(dirs.outputDir, { recursive: true });
      try {
        await downloadRunInputs(this.store, run.io, dirs.inputDir, run.signal);
      } catch (error) {
        if (run.signal.aborted) return { status: 'cancelled', artifacts: [] };
        const reason = `could not download the run's inputs: ${(error as Error).message}`;
        return failed(PROCESS_FAILURE_CODES.inputDownloadFailed, reason, []);
      }
      const scriptSha256 = await scriptSha256Of(resolved.commandArgv);
      const seen: RunObservations = { finalMetrics: {}, version: null, lastLines: [] };
      const exit = await runTrainerProcess({
        argv: resolved.argv,
        cwd: runDir,
        env: buildTrainerEnv(run, dirs, this.baseEnv, resolved.settings.env),
        signal: run.signal,
        killGraceMs: this.killGraceMs,
        timeoutMs:
          resolved.settings.timeoutSeconds === undefined
            ? undefined
            : resolved.settings.timeoutSeconds * 1000,
        onSpawn: () => {
          run.onRunning();
        },
        onLine: (line, stream) => {
          this.observe(run, seen, line, stream);
        },
      });
      const outputKey = objectKeyOf(run.io.outputPrefix).replace(/\/?$/, '/');
      if (exit.kind === 'exited' && exit.code === 0) {
        try {
          const { artifacts, skipped } = await uploadRunOutputs(this.store, dirs.outputDir, outputKey, true);
          for (const file of skipped) run.onLog(`[llmops] output ${file.path} not stored: ${file.reason}`);
          const trainer = trainerIdentity(resolved.commandName, seen.version, scriptSha256);
          return { status: 'succeeded', artifacts, metrics: seen.finalMetrics, trainer };
        } catch (error) {
          const reason = `the trainer succeeded but its output could not be stored: ${(error as Error).message}`;
          return failed(PROCESS_FAILURE_CODES.outputUploadFailed, reason, seen.lastLines);
        }
      }
      const { artifacts, skipped } = await uploadRunOutputs(this.store, dirs.outputDir, outputKey, false);
      for (const file of skipped) run.onLog(`[llmops] output ${file.path} not stored: ${file.reason}`);
      if (exit.kind === 'cancelled') return { status: 'cancelled', artifacts };
      return { ...failure(exit, resolved.commandName, seen.lastLines, this.killGraceMs), artifacts };
    } finally {
      // A leftover directory only costs disk; it must not turn a finished run into an error.
      await rm(runDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** A child process dies with the service (or is orphaned and loses its pipes): there is nothing to watch. */
  reattach(_run: ExecutorRun): Promise<ExecutorOutcome | null> {
    return Promise.resolve(null);
  }

  private observe(run: ExecutorRun, seen: RunObservations, line: string, stream: 'stdout' | 'stderr'): void {
    const parsed = stream === 'stdout' ? parseTrainerOutputLine(line) : { kind: 'log' as const, line };
    switch (parsed.kind) {
      case 'metrics':
        Object.assign(seen.finalMetrics, parsed.sample.values);
        run.onMetrics(parsed.sample);
        return;
      case 'trainer':
        seen.version = parsed.version;
        return;
      case 'log':
        seen.lastLines.push(parsed.line);
        if (seen.lastLines.length > this.keptLines) seen.lastLines.shift();
        run.onLog(parsed.line);
        return;
    }
  }
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function failed(
  code: string,
  reason: string,
  lastLogLines: string[],
): Extract<ExecutorOutcome, { status: 'failed' }> {
  return { status: 'failed', code, reason, lastLogLines, artifacts: [] };
}

/** The failed outcome for a trainer that did not exit 0, without artifacts. */
function failure(
  exit: Exclude<TrainerExit, { kind: 'cancelled' }>,
  command: string,
  lastLines: string[],
  killGraceMs: number,
): Extract<ExecutorOutcome, { status: 'failed' }> {
  const last = lastLines.at(-1);
  const tail = last === undefined ? '' : `; last output: ${last.slice(0, 500)}`;
  switch (exit.kind) {
    case 'not-started': {
      const code = (exit.error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'not found (or its working directory is missing)' : exit.error.message;
      return failed(
        PROCESS_FAILURE_CODES.trainerNotStarted,
        `could not start trainer \`${command}\`: ${why}`,
        lastLines,
      );
    }
    case 'timed-out':
      return failed(
        PROCESS_FAILURE_CODES.trainerTimedOut,
        `trainer \`${command}\` ran past its timeout and was stopped (SIGTERM, SIGKILL after ${killGraceMs} ms)${tail}`,
        lastLines,
      );
    case 'exited': {
      const how =
        exit.code === null ? `was killed by ${exit.signal ?? 'a signal'}` : `exited with code ${exit.code}`;
      return failed(PROCESS_FAILURE_CODES.trainerExited, `trainer \`${command}\` ${how}${tail}`, lastLines);
    }
  }
}
