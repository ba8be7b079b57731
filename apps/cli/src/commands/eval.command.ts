import { Command } from 'commander';
import { evalBleuCommand } from './eval-bleu.command';
import { evalChrfCommand } from './eval-chrf.command';
import { evalRougeCommand } from './eval-rouge.command';
import { evalRunCommand } from './eval-run.command';

/**
 * `llmops eval bleu|chrf|rouge`: offline metrics, exact with sacreBLEU and rouge-score; `llmops eval run`:
 * a whole suite against a model, offline, with the evaluation service's harness.
 */
export function evalCommand(): Command {
  return new Command('eval')
    .description(
      'offline evaluation: metrics over files (BLEU and chrF as sacreBLEU, ROUGE as rouge-score) and suites against a model',
    )
    .addCommand(evalBleuCommand())
    .addCommand(evalChrfCommand())
    .addCommand(evalRougeCommand())
    .addCommand(evalRunCommand());
}
