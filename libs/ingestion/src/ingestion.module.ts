import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { INGESTION_CONFIG, parseIngestionConfig } from './config';
import { DatasetController } from './controllers/dataset.controller';
import { RecipeController } from './controllers/recipe.controller';
import { DatasetEntity } from './entities/dataset.entity';
import { DatasetVersionEntity } from './entities/dataset-version.entity';
import { JobController } from './jobs/job.controller';
import { JobOutcomeRecorder } from './jobs/job-outcome.recorder';
import { JobWorker } from './jobs/job-worker.service';
import { JobService } from './jobs/job.service';
import { KafkaBatcher } from './kafka/kafka-batcher.service';
import { RecordIntakeService } from './kafka/record-intake.service';
import { RecordsConsumer } from './kafka/records.consumer';
import { ExportCompletedConsumer } from './labeling-import/export-completed.consumer';
import { LabelingImportService } from './labeling-import/labeling-import.service';
import { CreateDatasets1764300001000 } from './migrations/create-datasets.migration';
import { CreateCuration1764300002000 } from './migrations/create-curation.migration';
import { DatasetRepository } from './repositories/dataset.repository';
import { JobRepository } from './repositories/job.repository';
import { RecipeRepository } from './repositories/recipe.repository';
import { RecordBufferRepository } from './repositories/record-buffer.repository';
import { SourceRepository } from './repositories/source.repository';
import { BuildSpecResolver } from './services/build-spec.resolver';
import { DatasetService } from './services/dataset.service';
import { RecipeService } from './services/recipe.service';
import { SourceController } from './sources/source.controller';
import { SourceService } from './sources/source.service';
import { UploadController } from './uploads/upload.controller';
import { UploadService } from './uploads/upload.service';
import { ContaminationReportService } from './versions/contamination-report.service';
import { Decontaminator } from './versions/decontaminator.service';
import { RecordSource } from './versions/record-source.service';
import { VersionBuilder } from './versions/version-builder.service';
import { VersionController } from './versions/version.controller';
import { VersionDiffService } from './versions/version-diff.service';
import { VersionQueryService } from './versions/version-query.service';
import { PollWakeup } from '@llmops/persistence';

/**
 * Ingestion: sources, cleaning recipes, and the jobs that turn uploads, source runs, Kafka batches and
 * labeling exports into immutable dataset versions announced with `dataset-version-created`.
 */
@Module({})
export class IngestionModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        ...serviceDataModules({
          service: 'ingestion',
          database: infra.database,
          entities: [DatasetEntity, DatasetVersionEntity],
          migrations: [CreateDatasets1764300001000, CreateCuration1764300002000],
        }),
      ],
      controllers: [
        DatasetController,
        VersionController,
        UploadController,
        JobController,
        SourceController,
        RecipeController,
        RecordsConsumer,
        ExportCompletedConsumer,
      ],
      providers: [
        { provide: INGESTION_CONFIG, useValue: parseIngestionConfig(infra.env ?? process.env) },
        DatasetRepository,
        JobRepository,
        RecipeRepository,
        SourceRepository,
        RecordBufferRepository,
        DatasetService,
        RecipeService,
        BuildSpecResolver,
        PollWakeup,
        JobService,
        JobOutcomeRecorder,
        JobWorker,
        SourceService,
        UploadService,
        RecordIntakeService,
        KafkaBatcher,
        LabelingImportService,
        RecordSource,
        VersionBuilder,
        Decontaminator,
        VersionDiffService,
        ContaminationReportService,
        VersionQueryService,
      ],
    };
  }
}
