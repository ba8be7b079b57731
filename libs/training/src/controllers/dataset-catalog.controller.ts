import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { DatasetCatalogService } from '../services/dataset-catalog.service';

@ApiTags('training')
@Controller('v1/training/datasets')
export class DatasetCatalogController {
  constructor(private readonly catalog: DatasetCatalogService) {}

  @Get()
  @Roles('viewer', 'ml-engineer')
  list() {
    return this.catalog.listDatasets();
  }

  @Get(':datasetId/versions')
  @Roles('viewer', 'ml-engineer')
  versions(@Param('datasetId', ParseUUIDPipe) datasetId: string) {
    return this.catalog.listVersions(datasetId);
  }
}
