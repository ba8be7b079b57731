import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type Actor, type JsonValue } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { isProtectedLabel } from '../domain/label-move-rules';
import { declarationProblems, templateVariables } from '../domain/prompt-template';
import {
  DEFAULT_PROTECTED_LABELS,
  type CreatePrompt,
  type CreatePromptVersion,
  type PromptView,
  type PromptVersionView,
} from '../dtos/prompt.dto';
import { PromptLabelRepository, type PromptLabelRecord } from '../repositories/prompt-label.repository';
import {
  PromptRepository,
  type PromptRecord,
  type PromptVersionRecord,
} from '../repositories/prompt.repository';
import { PromptLookupService } from './prompt-lookup.service';

function promptView(prompt: PromptRecord, labels: readonly PromptLabelRecord[]): PromptView {
  return {
    id: prompt.id,
    name: prompt.name,
    description: prompt.description,
    protectedLabels: prompt.protectedLabels,
    requiredApprovals: prompt.requiredApprovals,
    latestVersion: prompt.latestVersion,
    labels: labels
      .filter((l) => l.promptId === prompt.id)
      .map((l) => ({
        label: l.label,
        version: l.version,
        versionId: l.versionId,
        protected: isProtectedLabel(l.label, prompt.protectedLabels),
        movedBy: l.movedBy,
        movedAt: l.movedAt,
      })),
    createdBy: prompt.createdBy,
    createdAt: prompt.createdAt,
  };
}

function versionView(
  prompt: PromptRecord,
  version: PromptVersionRecord,
  labels: readonly PromptLabelRecord[],
): PromptVersionView {
  return {
    promptId: prompt.id,
    promptName: prompt.name,
    versionId: version.id,
    version: version.version,
    template: version.template,
    variables: version.variables,
    modelParameters: version.modelParameters,
    commitMessage: version.commitMessage,
    labels: labels.filter((l) => l.versionId === version.id).map((l) => l.label),
    createdBy: version.createdBy,
    createdAt: version.createdAt,
  };
}

/** Prompts and their immutable versions: create, version, read, and (admins) set label protection. */
@Injectable()
export class PromptService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly prompts: PromptRepository,
    private readonly labels: PromptLabelRepository,
    private readonly lookup: PromptLookupService,
    private readonly events: EventPublisher,
  ) {}

  /** Creates the prompt with its version 1, announced with `prompt-version-created`. */
  create(dto: CreatePrompt, actor: Actor): Promise<PromptView> {
    return this.tx.run(async () => {
      const prompt: PromptRecord = {
        id: uuidv7(),
        name: dto.name,
        description: dto.description,
        protectedLabels: [...new Set([...DEFAULT_PROTECTED_LABELS, ...dto.protectedLabels])],
        requiredApprovals: 1,
        latestVersion: 0,
        createdBy: actor,
        createdAt: new Date().toISOString(),
      };
      if (!(await this.prompts.insert(prompt))) {
        throw new AppError('PROMPT_NAME_TAKEN', 409, `a prompt named ${dto.name} already exists`);
      }
      await this.appendVersion(prompt, dto, actor);
      return this.get(dto.name);
    });
  }

  /** Creates version n+1; versions are never changed afterwards. */
  addVersion(name: string, dto: CreatePromptVersion, actor: Actor): Promise<PromptVersionView> {
    return this.tx.run(async () => {
      const prompt = await this.lookup.prompt(name, { forUpdate: true });
      const version = await this.appendVersion(prompt, dto, actor);
      return versionView({ ...prompt, latestVersion: version.version }, version, []);
    });
  }

  private async appendVersion(
    prompt: PromptRecord,
    dto: CreatePromptVersion,
    actor: Actor,
  ): Promise<PromptVersionRecord> {
    const used = templateVariables(dto.template);
    if (dto.variables !== undefined) {
      const problems = declarationProblems(used, dto.variables);
      const errors = [
        ...problems.undeclared.map((v) => ({ path: 'variables', message: `${v} is used but not declared` })),
        ...problems.unused.map((v) => ({ path: 'variables', message: `${v} is declared but not used` })),
      ];
      if (errors.length > 0) {
        throw new AppError(
          'PROMPT_VARIABLES_MISMATCH',
          422,
          'the declared variables must be exactly those the template uses',
          { errors, extensions: { used } },
        );
      }
    }
    const version: PromptVersionRecord = {
      id: uuidv7(),
      promptId: prompt.id,
      version: prompt.latestVersion + 1,
      template: dto.template,
      variables: used,
      modelParameters: dto.modelParameters as Record<string, JsonValue>,
      commitMessage: dto.commitMessage,
      createdBy: actor,
      createdAt: new Date().toISOString(),
    };
    await this.prompts.insertVersion(version);
    await this.prompts.setLatestVersion(prompt.id, version.version);
    await this.events.publish(
      Topics.promptVersionCreated,
      {
        promptId: prompt.id,
        promptName: prompt.name,
        versionId: version.id,
        version: version.version,
        template: version.template,
        variables: version.variables,
        modelParameters: version.modelParameters,
        commitMessage: version.commitMessage,
        createdBy: actor,
        createdAt: version.createdAt,
      },
      { key: prompt.id },
    );
    return version;
  }

  /** Admins choose the protected labels; the change is audited like every other. */
  setProtection(name: string, protectedLabels: string[], requiredApprovals: number): Promise<PromptView> {
    return this.tx.run(async () => {
      const prompt = await this.lookup.prompt(name, { forUpdate: true });
      await this.prompts.setProtection(prompt.id, [...new Set(protectedLabels)], requiredApprovals);
      return this.get(name);
    });
  }

  async list(): Promise<PromptView[]> {
    const prompts = await this.prompts.list();
    const labels = await this.labels.labelsOf(prompts.map((p) => p.id));
    return prompts.map((p) => promptView(p, labels));
  }

  async get(name: string): Promise<PromptView> {
    const prompt = await this.lookup.prompt(name);
    return promptView(prompt, await this.labels.labelsOf([prompt.id]));
  }

  async versions(name: string): Promise<PromptVersionView[]> {
    const prompt = await this.lookup.prompt(name);
    const labels = await this.labels.labelsOf([prompt.id]);
    return (await this.prompts.listVersions(prompt.id)).map((v) => versionView(prompt, v, labels));
  }

  async version(name: string, number: number): Promise<PromptVersionView> {
    const prompt = await this.lookup.prompt(name);
    const version = await this.lookup.version(prompt, number);
    return versionView(prompt, version, await this.labels.labelsOf([prompt.id]));
  }
}
