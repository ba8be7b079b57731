import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import { checkVariables, renderTemplate } from '../domain/prompt-template';
import type { RenderedPromptView, RenderPrompt } from '../dtos/prompt-render.dto';
import { PromptLabelRepository } from '../repositories/prompt-label.repository';
import type { PromptRecord, PromptVersionRecord } from '../repositories/prompt.repository';
import { PromptLookupService } from './prompt-lookup.service';

/**
 * Renders a version (by label or number) with the caller's values. Every declared variable must be given
 * and nothing else: a missing value would send a broken prompt, an unknown one is almost always a typo.
 */
@Injectable()
export class PromptRenderService {
  constructor(
    private readonly lookup: PromptLookupService,
    private readonly labels: PromptLabelRepository,
  ) {}

  async render(name: string, request: RenderPrompt): Promise<RenderedPromptView> {
    const prompt = await this.lookup.prompt(name);
    const version = await this.resolve(prompt, request);
    const problems = checkVariables(version.variables, request.variables);
    const errors = [
      ...problems.missing.map((v) => ({ path: `variables.${v}`, message: 'missing: the template uses it' })),
      ...problems.unknown.map((v) => ({
        path: `variables.${v}`,
        message: `unknown: version ${version.version} has no such variable`,
      })),
    ];
    if (errors.length > 0) {
      const missing = problems.missing.length > 0;
      throw new AppError(
        missing ? 'PROMPT_VARIABLES_MISSING' : 'PROMPT_VARIABLES_UNKNOWN',
        422,
        missing
          ? `missing variables: ${problems.missing.join(', ')}`
          : `unknown variables: ${problems.unknown.join(', ')}`,
        { errors, extensions: { variables: version.variables } },
      );
    }
    return {
      ...renderTemplate(version.template, request.variables),
      promptId: prompt.id,
      promptName: prompt.name,
      versionId: version.id,
      version: version.version,
      label: request.label ?? null,
      modelParameters: version.modelParameters,
    };
  }

  private async resolve(prompt: PromptRecord, request: RenderPrompt): Promise<PromptVersionRecord> {
    if (request.label === undefined) return this.lookup.version(prompt, request.version ?? 0);
    const label = await this.labels.find(prompt.id, request.label);
    if (!label) {
      throw new AppError(
        'PROMPT_LABEL_NOT_FOUND',
        404,
        `prompt ${prompt.name} has no label ${request.label}`,
      );
    }
    return this.lookup.version(prompt, label.version);
  }
}
