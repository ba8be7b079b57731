import 'reflect-metadata';
import { Command } from 'commander';
import { dataCommand } from './commands/data.command';
import { evalCommand } from './commands/eval.command';
import { eventsCommand } from './commands/events.command';
import { keysCommand } from './commands/keys.command';
import { upCommand } from './commands/up.command';

// `llmops events list | head` closes the pipe early: that is a normal end, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('llmops')
  .description(
    'llmops — the LLM lifecycle platform: data, labeling, training, evaluation, registry, serving, monitoring',
  )
  .version('0.1.0')
  .addCommand(upCommand())
  .addCommand(eventsCommand())
  .addCommand(dataCommand())
  .addCommand(evalCommand())
  .addCommand(keysCommand())
  .showHelpAfterError();

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`llmops: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
