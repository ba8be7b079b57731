import type { RegistryPart } from '../registry-part';
import { PromptEvaluationCompletedConsumer } from './consumers/prompt-evaluation-completed.consumer';
import { PromptLabelController } from './controllers/prompt-label.controller';
import { PromptLinkController } from './controllers/prompt-link.controller';
import { PromptController } from './controllers/prompt.controller';
import { CreatePrompts1764400400000 } from './migrations/create-prompts.migration';
import { PromptLabelRepository } from './repositories/prompt-label.repository';
import { PromptLinkRepository } from './repositories/prompt-link.repository';
import { PromptRepository } from './repositories/prompt.repository';
import { PromptLabelService } from './services/prompt-label.service';
import { PromptLinkService } from './services/prompt-link.service';
import { PromptLookupService } from './services/prompt-lookup.service';
import { PromptRenderService } from './services/prompt-render.service';
import { PromptService } from './services/prompt.service';

/**
 * Registry area: the prompt registry — prompts, immutable versions, labels (protected ones move with an
 * approval and a passing evaluation), rendering, and links to datasets, models and evaluations.
 */
export const promptsPart: RegistryPart = {
  controllers: [
    PromptLinkController,
    PromptController,
    PromptLabelController,
    PromptEvaluationCompletedConsumer,
  ],
  providers: [
    PromptRepository,
    PromptLabelRepository,
    PromptLinkRepository,
    PromptLookupService,
    PromptService,
    PromptLabelService,
    PromptRenderService,
    PromptLinkService,
  ],
  entities: [],
  migrations: [CreatePrompts1764400400000],
};
