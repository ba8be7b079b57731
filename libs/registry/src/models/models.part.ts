import type { RegistryPart } from '../registry-part';
import { RunCompletedConsumer } from './consumers/run-completed.consumer';
import { ModelAliasController } from './controllers/model-alias.controller';
import { ModelCardController } from './controllers/model-card.controller';
import { ModelLifecycleController } from './controllers/model-lifecycle.controller';
import { ModelVersionController } from './controllers/model-version.controller';
import { ModelController } from './controllers/model.controller';
import { CreateModels1764400100000 } from './migrations/create-models.migration';
import { ModelAliasRepository } from './repositories/model-alias.repository';
import { ModelCardRepository } from './repositories/model-card.repository';
import { ModelRepository } from './repositories/model.repository';
import { ModelStageHistoryRepository } from './repositories/model-stage-history.repository';
import { ModelVersionRepository } from './repositories/model-version.repository';
import { ArtifactDownloadService } from './services/artifact-download.service';
import { ArtifactVerificationService } from './services/artifact-verification.service';
import { ManualArtifactsService } from './services/manual-artifacts.service';
import { ManualRegistrationService } from './services/manual-registration.service';
import { ModelAccessService } from './services/model-access.service';
import { ModelAliasService } from './services/model-alias.service';
import { ModelCardService } from './services/model-card.service';
import { ModelLifecycleService } from './services/model-lifecycle.service';
import { ModelLookupService } from './services/model-lookup.service';
import { ModelStageRecorder } from './services/model-stage-recorder.service';
import { ModelUploadService } from './services/model-upload.service';
import { ModelVersionQueryService } from './services/model-version-query.service';
import { ModelVersionRegistrar } from './services/model-version-registrar.service';
import { ModelService } from './services/model.service';
import { RunRegistrationService } from './services/run-registration.service';
import { UrlArtifactImportService } from './services/url-artifact-import.service';

/**
 * Registry area: models, versions, aliases, lifecycle, model cards and per-model permissions.
 * Other areas use `ModelLifecycleService` (transition, get, allowedTransitions),
 * `ModelCardService.isComplete` and `ModelLookupService`, and may provide `PromotionGate`
 * (promotion-gate.ts) to gate moves into staging and production.
 */
export const modelsPart: RegistryPart = {
  controllers: [
    ModelController,
    ModelVersionController,
    ModelLifecycleController,
    ModelAliasController,
    ModelCardController,
    RunCompletedConsumer,
  ],
  providers: [
    ModelRepository,
    ModelVersionRepository,
    ModelAliasRepository,
    ModelStageHistoryRepository,
    ModelCardRepository,
    ModelLookupService,
    ModelAccessService,
    ModelStageRecorder,
    ModelVersionRegistrar,
    ArtifactVerificationService,
    ArtifactDownloadService,
    UrlArtifactImportService,
    ManualArtifactsService,
    ModelService,
    ManualRegistrationService,
    ModelUploadService,
    RunRegistrationService,
    ModelVersionQueryService,
    ModelAliasService,
    ModelLifecycleService,
    ModelCardService,
  ],
  entities: [],
  migrations: [CreateModels1764400100000],
  exports: [ModelLifecycleService, ModelCardService, ModelLookupService],
};
