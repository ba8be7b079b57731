import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, EvaluationCompletedV1 } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { PromptLinkKind, PromptLinkView } from '../dtos/prompt-link.dto';
import { PromptLinkRepository } from '../repositories/prompt-link.repository';
import { PromptLookupService } from './prompt-lookup.service';

/**
 * Links prompt versions to dataset versions rendered with them, model versions trained on those, and
 * evaluations run with them. No event carries a prompt reference for these (see docs), so links are
 * declared over HTTP; evaluation verdicts come from `evaluation-completed`.
 */
@Injectable()
export class PromptLinkService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly lookup: PromptLookupService,
    private readonly links: PromptLinkRepository,
  ) {}

  /** Idempotent: linking the same target twice returns the existing link (`created: false`). */
  link(
    name: string,
    version: number,
    input: { kind: PromptLinkKind; targetId: string; note: string },
    actor: Actor,
  ): Promise<PromptLinkView & { created: boolean }> {
    return this.tx.run(async () => {
      const prompt = await this.lookup.prompt(name);
      const target = await this.lookup.version(prompt, version);
      const created = await this.links.insert({
        id: uuidv7(),
        versionId: target.id,
        ...input,
        createdBy: actor,
        createdAt: new Date().toISOString(),
      });
      const view = await this.links.find(target.id, input.kind, input.targetId);
      if (!view) throw new Error(`link ${target.id} → ${input.kind}:${input.targetId} vanished`);
      return { ...view, created };
    });
  }

  async listForVersion(name: string, version: number): Promise<PromptLinkView[]> {
    const prompt = await this.lookup.prompt(name);
    return this.links.listForVersion((await this.lookup.version(prompt, version)).id);
  }

  listForTarget(kind: PromptLinkKind, targetId: string): Promise<PromptLinkView[]> {
    return this.links.listForTarget(kind, targetId);
  }

  /** Keeps every evaluation's verdict: a link made before or after the event finds it. */
  async recordEvaluation(event: EvaluationCompletedV1): Promise<void> {
    await this.links.recordEvaluation({
      evaluationId: event.evaluationId,
      suiteName: event.suite.name,
      gateVerdict: event.gate?.verdict ?? null,
      completedAt: event.completedAt,
    });
  }
}
