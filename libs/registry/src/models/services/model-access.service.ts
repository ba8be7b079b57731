import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { canAdminister, canMaintain } from '../domain/model-permission.rules';
import type { ModelView } from '../dtos/model.dto';

/** Per-model permissions on top of roles; answers 403 `MODEL_FORBIDDEN` naming who may act. */
@Injectable()
export class ModelAccessService {
  assertCanMaintain(who: Actor, model: ModelView): void {
    if (canMaintain(who, model)) return;
    throw new AppError(
      'MODEL_FORBIDDEN',
      403,
      `${who.subject} is neither an owner nor a maintainer of model ${model.name}`,
      { extensions: { owners: model.owners, maintainers: model.maintainers } },
    );
  }

  assertCanAdminister(who: Actor, model: ModelView): void {
    if (canAdminister(who, model)) return;
    throw new AppError(
      'MODEL_FORBIDDEN',
      403,
      `only an admin or an owner of model ${model.name} may change its permissions`,
      { extensions: { owners: model.owners } },
    );
  }
}
