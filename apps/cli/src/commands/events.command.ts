import { Command } from 'commander';
import { EVENTS, getEventDefinition } from '@llmops/contracts';
import { z } from 'zod';

/** `llmops events list | schema <topic>`: the event catalogue, offline. */
export function eventsCommand(): Command {
  const events = new Command('events').description('the event contracts (topics and schemas)');
  events
    .command('list')
    .description('list every topic with its producer and description')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const rows = Object.values(EVENTS).map((d) => ({
        topic: d.topic,
        service: d.service,
        input: d.input,
        description: d.description,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      for (const r of rows)
        process.stdout.write(`${r.topic}\t${r.input ? 'input' : r.service}\t${r.description}\n`);
    });
  events
    .command('schema')
    .description('print the JSON Schema of one topic')
    .argument('<topic>', 'topic name, e.g. llmops.ingestion.dataset-version-created.v1')
    .action((topic: string) => {
      const definition = getEventDefinition(topic);
      if (!definition) {
        process.stderr.write(`llmops: unknown topic "${topic}" (see \`llmops events list\`)\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(`${JSON.stringify(z.toJSONSchema(definition.schema), null, 2)}\n`);
    });
  return events;
}
