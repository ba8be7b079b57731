import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { ModelCatalogRepository } from './model-catalog.repository';

/** What evaluation knows of a model: its versions and stages (which one is the champion). */
@ApiTags('evaluation')
@Controller('v1/evaluations/models')
export class ModelCatalogController {
  constructor(private readonly models: ModelCatalogRepository) {}

  @Get(':name/versions')
  @Roles('viewer', 'ml-engineer')
  async versions(@Param('name') name: string) {
    return (await this.models.listVersions(name)).map((v) => ({
      versionId: v.versionId,
      version: v.version,
      format: v.format,
      stage: v.stage,
      datasets: v.datasets,
    }));
  }
}
