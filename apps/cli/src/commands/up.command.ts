import { Command } from 'commander';
import { runStandalone } from '@llmops/service-host';

/** `llmops up`: the standalone platform (all seven services, embedded defaults) on one port. */
export function upCommand(): Command {
  return new Command('up')
    .description('run the whole platform in one process (standalone mode, data under ./.llmops)')
    .option('-p, --port <port>', 'HTTP port', '8080')
    .action(async (options: { port: string }) => {
      await runStandalone({ ...process.env, PORT: process.env['PORT'] ?? options.port });
    });
}
