import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import {
  PromptRepository,
  type PromptRecord,
  type PromptVersionRecord,
} from '../repositories/prompt.repository';

/** Finds prompts and versions by name and number, or answers 404 with a stable code. */
@Injectable()
export class PromptLookupService {
  constructor(private readonly prompts: PromptRepository) {}

  async prompt(name: string, options: { forUpdate?: boolean } = {}): Promise<PromptRecord> {
    const prompt = await this.prompts.findByName(name, options);
    if (!prompt) throw new AppError('PROMPT_NOT_FOUND', 404, `no prompt named ${name}`);
    return prompt;
  }

  async version(prompt: PromptRecord, version: number): Promise<PromptVersionRecord> {
    const found = await this.prompts.findVersion(prompt.id, version);
    if (!found) {
      throw new AppError('PROMPT_VERSION_NOT_FOUND', 404, `prompt ${prompt.name} has no version ${version}`, {
        extensions: { latestVersion: prompt.latestVersion },
      });
    }
    return found;
  }
}
