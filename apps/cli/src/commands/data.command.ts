import { Command } from 'commander';
import { dataCleanCommand } from './data-clean.command';
import { dataDedupCommand } from './data-dedup.command';
import { dataProfileCommand } from './data-profile.command';

/** `llmops data …`: offline curation with the same code as the ingestion service. */
export function dataCommand(): Command {
  return new Command('data')
    .description('clean, profile and deduplicate data files offline')
    .addCommand(dataCleanCommand())
    .addCommand(dataProfileCommand())
    .addCommand(dataDedupCommand());
}
