import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { CreateDatasetDto, RegisterDatasetVersionDto } from '../dtos/dataset.dto';
import { DatasetService } from '../services/dataset.service';

@ApiTags('datasets')
@Controller('v1/datasets')
export class DatasetController {
  constructor(private readonly datasets: DatasetService) {}

  @Post()
  @Roles('data-engineer')
  create(@Body() dto: CreateDatasetDto) {
    return this.datasets.create(dto);
  }

  @Get(':datasetId')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  get(@Param('datasetId', ParseUUIDPipe) datasetId: string) {
    return this.datasets.view(datasetId);
  }

  @Post(':datasetId/versions')
  @HttpCode(201)
  @Roles('data-engineer')
  registerVersion(
    @Param('datasetId', ParseUUIDPipe) datasetId: string,
    @Body() dto: RegisterDatasetVersionDto,
  ) {
    return this.datasets.registerVersion(datasetId, dto);
  }

  @Get(':datasetId/versions')
  @Roles('viewer', 'data-engineer', 'ml-engineer')
  listVersions(@Param('datasetId', ParseUUIDPipe) datasetId: string) {
    return this.datasets.listVersions(datasetId);
  }
}
