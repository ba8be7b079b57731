import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '@llmops/contracts';
import { ObjectStore } from '@llmops/storage';
import type { UploadTicket } from '../dtos/register-model-version.dto';
import { ModelAccessService } from './model-access.service';
import { ModelLookupService } from './model-lookup.service';

/** Presigned uploads for manual registration: PUT the bytes to the URL, then register them by key. */
@Injectable()
export class ModelUploadService {
  constructor(
    private readonly lookup: ModelLookupService,
    private readonly access: ModelAccessService,
    private readonly store: ObjectStore,
  ) {}

  async createUpload(
    name: string,
    filename: string,
    expiresInSeconds: number,
    actor: Actor,
  ): Promise<UploadTicket> {
    const model = await this.lookup.model(name);
    this.access.assertCanMaintain(actor, model);
    // A fresh folder per upload: two uploads of `model.bin` never overwrite each other.
    const key = `models/${model.id}/uploads/${uuidv7()}/${filename}`;
    const uploadUrl = await this.store.presignPut(key, expiresInSeconds);
    return { key, uploadUrl, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
  }
}
