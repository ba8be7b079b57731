import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { DatasetVersionCreatedConsumer } from './consumers/dataset-version-created.consumer';
import { DatasetCatalogController } from './controllers/dataset-catalog.controller';
import { CreateDatasetCatalog1764300002000 } from './migrations/create-dataset-catalog.migration';
import { DatasetCatalogRepository } from './repositories/dataset-catalog.repository';
import { DatasetCatalogService } from './services/dataset-catalog.service';

/** Training: for now, the catalog of dataset versions it can train on (fed by ingestion's events). */
@Module({})
export class TrainingModule {
  static register(infra: ServiceInfraOptions): DynamicModule {
    return {
      module: TrainingModule,
      imports: [
        ...serviceDataModules({
          service: 'training',
          database: infra.database,
          migrations: [CreateDatasetCatalog1764300002000],
        }),
      ],
      controllers: [DatasetCatalogController, DatasetVersionCreatedConsumer],
      providers: [DatasetCatalogRepository, DatasetCatalogService],
    };
  }
}
