import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { PollWakeup } from '@llmops/persistence';
import { DatasetCatalogRepository } from './catalog/dataset-catalog.repository';
import { DatasetReader } from './catalog/dataset-reader';
import { ModelCatalogController } from './catalog/model-catalog.controller';
import { ModelCatalogRepository } from './catalog/model-catalog.repository';
import { EVALUATION_CONFIG, parseEvaluationConfig } from './config';
import { DatasetVersionCreatedConsumer } from './consumers/dataset-version-created.consumer';
import { ModelVersionRegisteredConsumer } from './consumers/model-version-registered.consumer';
import { ModelVersionStageChangedConsumer } from './consumers/model-version-stage-changed.consumer';
import { BuiltinModelLoader } from './evaluations/builtin-model-loader';
import { EvaluationController } from './evaluations/evaluation.controller';
import { EvaluationReports } from './evaluations/evaluation-reports.service';
import { EvaluationRepository } from './evaluations/evaluation.repository';
import { EvaluationRunner } from './evaluations/evaluation-runner.service';
import { EvaluationService } from './evaluations/evaluation.service';
import { EvaluationWorker } from './evaluations/evaluation-worker.service';
import { PredictorFactory } from './evaluations/predictor.factory';
import { SuiteItemsLoader } from './evaluations/suite-items.loader';
import { TrainingOverlapCheck } from './evaluations/training-overlap.check';
import { GatePolicyController } from './gates/gate-policy.controller';
import { GatePolicyRepository } from './gates/gate-policy.repository';
import { CreateEvaluationTables1764600001000 } from './migrations/create-evaluation-tables.migration';
import { SuiteController } from './suites/suite.controller';
import { SuiteRepository } from './suites/suite.repository';
import { SuiteService } from './suites/suite.service';

/**
 * Evaluation: suites and gate policies over REST; evaluations of registered builtin models (in-process)
 * and external OpenAI-compatible endpoints, queued and run by a worker, compared with the production
 * champion, probed for safety and bias, gated, reported to S3 and announced on Kafka. Registrations of
 * bound models trigger evaluations; dataset and model catalogues are fed by events.
 */
@Module({})
export class EvaluationModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: EvaluationModule,
      imports: [
        ...serviceDataModules({
          service: 'evaluation',
          database: infra.database,
          migrations: [CreateEvaluationTables1764600001000],
        }),
      ],
      controllers: [
        SuiteController,
        GatePolicyController,
        EvaluationController,
        ModelCatalogController,
        DatasetVersionCreatedConsumer,
        ModelVersionRegisteredConsumer,
        ModelVersionStageChangedConsumer,
      ],
      providers: [
        { provide: EVALUATION_CONFIG, useValue: parseEvaluationConfig(infra.env ?? process.env) },
        PollWakeup,
        DatasetCatalogRepository,
        DatasetReader,
        ModelCatalogRepository,
        GatePolicyRepository,
        SuiteRepository,
        SuiteService,
        EvaluationRepository,
        EvaluationService,
        EvaluationReports,
        BuiltinModelLoader,
        PredictorFactory,
        SuiteItemsLoader,
        TrainingOverlapCheck,
        EvaluationRunner,
        EvaluationWorker,
      ],
    };
  }
}
