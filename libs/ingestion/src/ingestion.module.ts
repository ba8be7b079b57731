import { type DynamicModule, Module } from '@nestjs/common';
import { serviceDataModules, type ServiceInfraOptions } from '@llmops/messaging';
import { DatasetController } from './controllers/dataset.controller';
import { DatasetEntity } from './entities/dataset.entity';
import { DatasetVersionEntity } from './entities/dataset-version.entity';
import { CreateDatasets1764300001000 } from './migrations/create-datasets.migration';
import { DatasetRepository } from './repositories/dataset.repository';
import { DatasetService } from './services/dataset.service';

/** Ingestion: datasets and their immutable versions, announced with `dataset-version-created`. */
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
          migrations: [CreateDatasets1764300001000],
        }),
      ],
      controllers: [DatasetController],
      providers: [DatasetRepository, DatasetService],
    };
  }
}
