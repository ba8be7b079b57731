import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { ModelCardSectionKey } from '../domain/model-card-sections';

/** The stored card of one version: edited sections plus the last written copy. */
export interface StoredModelCard {
  sections: Partial<Record<ModelCardSectionKey, string>>;
  uri: string | null;
  sha256: string | null;
  size: number | null;
  complete: boolean;
  updatedBy: Actor;
  updatedAt: string;
}

interface CardRow {
  sections: Partial<Record<ModelCardSectionKey, string>>;
  uri: string | null;
  sha256: string | null;
  size: number | null;
  complete: boolean;
  updated_by: Actor;
  updated_at: Date;
}

/** All I/O on `registry.model_cards`; joins the surrounding transaction. */
@Injectable()
export class ModelCardRepository {
  constructor(private readonly tx: TransactionHost) {}

  async find(versionId: string): Promise<StoredModelCard | null> {
    const rows = await this.tx.query<CardRow[]>(
      `SELECT sections, uri, sha256, size, complete, updated_by, updated_at FROM registry.model_cards
       WHERE version_id = $1`,
      [versionId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      sections: r.sections,
      uri: r.uri,
      sha256: r.sha256,
      size: r.size,
      complete: r.complete,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at.toISOString(),
    };
  }

  /** Locks the card row (creating it if needed) so concurrent edits merge one after the other. */
  async lockOrCreate(versionId: string, actor: Actor): Promise<Partial<Record<ModelCardSectionKey, string>>> {
    await this.tx.query(
      `INSERT INTO registry.model_cards (version_id, updated_by) VALUES ($1, $2)
       ON CONFLICT (version_id) DO NOTHING`,
      [versionId, JSON.stringify(actor)],
    );
    const rows = await this.tx.query<{ sections: Partial<Record<ModelCardSectionKey, string>> }[]>(
      'SELECT sections FROM registry.model_cards WHERE version_id = $1 FOR UPDATE',
      [versionId],
    );
    return rows[0]?.sections ?? {};
  }

  async save(
    versionId: string,
    card: {
      sections: Partial<Record<ModelCardSectionKey, string>>;
      markdown: string;
      uri: string;
      sha256: string;
      size: number;
      complete: boolean;
      updatedBy: Actor;
    },
  ): Promise<void> {
    await this.tx.query(
      `UPDATE registry.model_cards SET sections = $2, markdown = $3, uri = $4, sha256 = $5, size = $6,
         complete = $7, updated_by = $8, updated_at = now()
       WHERE version_id = $1`,
      [
        versionId,
        JSON.stringify(card.sections),
        card.markdown,
        card.uri,
        card.sha256,
        card.size,
        card.complete,
        JSON.stringify(card.updatedBy),
      ],
    );
  }
}
