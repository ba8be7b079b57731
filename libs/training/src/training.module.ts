import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { parseTrainingConfig, TRAINING_CONFIG } from './config';
import { DatasetVersionCreatedConsumer } from './consumers/dataset-version-created.consumer';
import { DatasetCatalogController } from './controllers/dataset-catalog.controller';
import { executorRegistryProvider } from './executors/executor-registry.provider';
import { CreateDatasetCatalog1764300002000 } from './migrations/create-dataset-catalog.migration';
import { CreateRuns1764500001000 } from './migrations/create-runs.migration';
import { DatasetCatalogRepository } from './repositories/dataset-catalog.repository';
import { RunRepository } from './repositories/run.repository';
import { RunCallbackService } from './runs/run-callback.service';
import { RunController } from './runs/run.controller';
import { RunExecutionService } from './runs/run-execution.service';
import { RunIoResolver } from './runs/run-io.resolver';
import { RunReconciler } from './runs/run-reconciler.service';
import { RunScheduler } from './runs/run-scheduler.service';
import { RunService } from './runs/run.service';
import { RunSpecValidator } from './runs/run-spec.validator';
import { RunWakeup } from './runs/run-wakeup';
import { DatasetCatalogService } from './services/dataset-catalog.service';

/**
 * Training: the catalog of dataset versions (fed by ingestion's events), and runs — queued, executed on
 * pluggable executors (builtin worker thread, local process, Kubernetes Job), announced on Kafka.
 */
@Module({})
export class TrainingModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: TrainingModule,
      imports: [
        ...serviceDataModules({
          service: 'training',
          database: infra.database,
          migrations: [CreateDatasetCatalog1764300002000, CreateRuns1764500001000],
        }),
      ],
      controllers: [DatasetCatalogController, DatasetVersionCreatedConsumer, RunController],
      providers: [
        { provide: TRAINING_CONFIG, useValue: parseTrainingConfig(infra.env ?? process.env) },
        executorRegistryProvider,
        DatasetCatalogRepository,
        DatasetCatalogService,
        RunRepository,
        RunWakeup,
        RunSpecValidator,
        RunIoResolver,
        RunExecutionService,
        RunReconciler,
        RunScheduler,
        RunService,
        RunCallbackService,
      ],
    };
  }
}
