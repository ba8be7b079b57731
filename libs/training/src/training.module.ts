import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { parseTrainingConfig, TRAINING_CONFIG } from './config';
import { DatasetVersionCreatedConsumer } from './consumers/dataset-version-created.consumer';
import { EvaluationResultsConsumer } from './consumers/evaluation-results.consumer';
import { RetrainingRequestedConsumer } from './consumers/retraining-requested.consumer';
import { DatasetCatalogController } from './controllers/dataset-catalog.controller';
import { executorRegistryProvider } from './executors/executor-registry.provider';
import { CreateDatasetCatalog1764300002000 } from './migrations/create-dataset-catalog.migration';
import { CreateRunEvaluations1764700001000 } from './migrations/create-run-evaluations.migration';
import { CreateRuns1764500001000 } from './migrations/create-runs.migration';
import { PlanClock } from './plans/plan-clock.service';
import { PlanController } from './plans/plan.controller';
import { PlanService } from './plans/plan.service';
import { DatasetCatalogRepository } from './repositories/dataset-catalog.repository';
import { PlanRepository } from './repositories/plan.repository';
import { SweepRepository } from './repositories/sweep.repository';
import { RunEvaluationRepository } from './repositories/run-evaluation.repository';
import { RunRepository } from './repositories/run.repository';
import { RunCallbackService } from './runs/run-callback.service';
import { RunController } from './runs/run.controller';
import { RunExecutionService } from './runs/run-execution.service';
import { RunIoResolver } from './runs/run-io.resolver';
import { RunReconciler } from './runs/run-reconciler.service';
import { RunScheduler } from './runs/run-scheduler.service';
import { RunService } from './runs/run.service';
import { RunSpecValidator } from './runs/run-spec.validator';
import { DatasetCatalogService } from './services/dataset-catalog.service';
import { SweepDriver } from './sweeps/sweep-driver.service';
import { SweepController } from './sweeps/sweep.controller';
import { SweepService } from './sweeps/sweep.service';
import { PollWakeup } from '@llmops/persistence';

/**
 * Training: the catalog of dataset versions (fed by ingestion's events); runs — queued, executed on
 * pluggable executors (builtin worker thread, local process, Kubernetes Job), announced on Kafka; training
 * plans that start runs on events or schedules; and hyperparameter sweeps.
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
          migrations: [
            CreateDatasetCatalog1764300002000,
            CreateRuns1764500001000,
            CreateRunEvaluations1764700001000,
          ],
        }),
      ],
      controllers: [
        DatasetCatalogController,
        DatasetVersionCreatedConsumer,
        RetrainingRequestedConsumer,
        EvaluationResultsConsumer,
        RunController,
        PlanController,
        SweepController,
      ],
      providers: [
        { provide: TRAINING_CONFIG, useValue: parseTrainingConfig(infra.env ?? process.env) },
        executorRegistryProvider,
        DatasetCatalogRepository,
        DatasetCatalogService,
        RunRepository,
        RunEvaluationRepository,
        PollWakeup,
        RunSpecValidator,
        RunIoResolver,
        RunExecutionService,
        RunReconciler,
        RunScheduler,
        RunService,
        RunCallbackService,
        PlanRepository,
        PlanService,
        PlanClock,
        SweepRepository,
        SweepService,
        SweepDriver,
      ],
    };
  }
}
