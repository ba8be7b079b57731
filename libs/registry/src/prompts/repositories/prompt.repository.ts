import { Injectable } from '@nestjs/common';
import type { Actor, JsonValue } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { PromptTemplate } from '../domain/prompt-template';

export interface PromptRecord {
  id: string;
  name: string;
  description: string;
  protectedLabels: string[];
  requiredApprovals: number;
  latestVersion: number;
  createdBy: Actor;
  createdAt: string;
}

export interface PromptVersionRecord {
  id: string;
  promptId: string;
  version: number;
  template: PromptTemplate;
  variables: string[];
  modelParameters: Record<string, JsonValue>;
  commitMessage: string;
  createdBy: Actor;
  createdAt: string;
}

interface PromptRow {
  id: string;
  name: string;
  description: string;
  protected_labels: string[];
  required_approvals: number;
  latest_version: number;
  created_by: Actor;
  created_at: Date | string;
}

interface VersionRow {
  id: string;
  prompt_id: string;
  version: number;
  template: PromptTemplate;
  variables: string[];
  model_parameters: Record<string, JsonValue>;
  commit_message: string;
  created_by: Actor;
  created_at: Date | string;
}

const PROMPT_COLUMNS =
  'id, name, description, protected_labels, required_approvals, latest_version, created_by, created_at';
const VERSION_COLUMNS =
  'id, prompt_id, version, template, variables, model_parameters, commit_message, created_by, created_at';

function toPrompt(r: PromptRow): PromptRecord {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    protectedLabels: r.protected_labels,
    requiredApprovals: r.required_approvals,
    latestVersion: r.latest_version,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function toVersion(r: VersionRow): PromptVersionRecord {
  return {
    id: r.id,
    promptId: r.prompt_id,
    version: r.version,
    template: r.template,
    variables: r.variables,
    modelParameters: r.model_parameters,
    commitMessage: r.commit_message,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Prompts and their immutable versions; joins the surrounding transaction. */
@Injectable()
export class PromptRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** `forUpdate` locks the prompt: versions are numbered and labels moved one at a time per prompt. */
  async findByName(name: string, options: { forUpdate?: boolean } = {}): Promise<PromptRecord | null> {
    const rows = await this.tx.query<PromptRow[]>(
      `SELECT ${PROMPT_COLUMNS} FROM registry.prompts WHERE name = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [name],
    );
    return rows[0] ? toPrompt(rows[0]) : null;
  }

  async list(): Promise<PromptRecord[]> {
    const rows = await this.tx.query<PromptRow[]>(
      `SELECT ${PROMPT_COLUMNS} FROM registry.prompts ORDER BY name`,
    );
    return rows.map(toPrompt);
  }

  /** Inserts the prompt unless the name is taken; false when it was. */
  async insert(prompt: PromptRecord): Promise<boolean> {
    const rows = await this.tx.query<unknown[]>(
      `INSERT INTO registry.prompts (id, name, description, protected_labels, required_approvals,
         latest_version, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [
        prompt.id,
        prompt.name,
        prompt.description,
        JSON.stringify(prompt.protectedLabels),
        prompt.requiredApprovals,
        prompt.latestVersion,
        JSON.stringify(prompt.createdBy),
        prompt.createdAt,
      ],
    );
    return rows.length > 0;
  }

  async setLatestVersion(promptId: string, version: number): Promise<void> {
    await this.tx.query('UPDATE registry.prompts SET latest_version = $2 WHERE id = $1', [promptId, version]);
  }

  async setProtection(promptId: string, protectedLabels: string[], requiredApprovals: number): Promise<void> {
    await this.tx.query(
      'UPDATE registry.prompts SET protected_labels = $2, required_approvals = $3 WHERE id = $1',
      [promptId, JSON.stringify(protectedLabels), requiredApprovals],
    );
  }

  async insertVersion(version: PromptVersionRecord): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.prompt_versions (${VERSION_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        version.id,
        version.promptId,
        version.version,
        JSON.stringify(version.template),
        JSON.stringify(version.variables),
        JSON.stringify(version.modelParameters),
        version.commitMessage,
        JSON.stringify(version.createdBy),
        version.createdAt,
      ],
    );
  }

  async findVersion(promptId: string, version: number): Promise<PromptVersionRecord | null> {
    const rows = await this.tx.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM registry.prompt_versions WHERE prompt_id = $1 AND version = $2`,
      [promptId, version],
    );
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async listVersions(promptId: string): Promise<PromptVersionRecord[]> {
    const rows = await this.tx.query<VersionRow[]>(
      `SELECT ${VERSION_COLUMNS} FROM registry.prompt_versions WHERE prompt_id = $1 ORDER BY version`,
      [promptId],
    );
    return rows.map(toVersion);
  }
}
