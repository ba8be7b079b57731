import { Command } from 'commander';
import { evalBleuCommand } from './eval-bleu.command';
import { evalChrfCommand } from './eval-chrf.command';
import { evalRougeCommand } from './eval-rouge.command';

/** `llmops eval bleu|chrf|rouge`: offline metrics, exact with sacreBLEU and rouge-score. */
export function evalCommand(): Command {
  return new Command('eval')
    .description('evaluation metrics, offline (BLEU and chrF as sacreBLEU, ROUGE as rouge-score)')
    .addCommand(evalBleuCommand())
    .addCommand(evalChrfCommand())
    .addCommand(evalRougeCommand());
}
