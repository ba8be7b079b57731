import { Command } from 'commander';
import { generateApiKey } from '@llmops/auth';

/** `llmops keys generate`: mint an API key; only its hash goes into configuration. */
export function keysCommand(): Command {
  const keys = new Command('keys').description('API keys');
  keys
    .command('generate')
    .description('print a new API key and the AUTH_API_KEYS entry (hash only) to configure it')
    .requiredOption('--name <name>', 'who or what the key is for')
    .option('--roles <roles>', 'comma-separated roles', 'viewer')
    .action((options: { name: string; roles: string }) => {
      const { key, hash } = generateApiKey();
      const roles = options.roles
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      process.stdout.write(`key:   ${key}\nentry: ${JSON.stringify({ name: options.name, hash, roles })}\n`);
    });
  return keys;
}
