import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import {
  RouteAtQueryDto,
  RouteHistoryQueryDto,
  RouteParamsDto,
  type RouteAtView,
  type RouteHistoryView,
} from '../dtos/route-history.dto';
import { DeploymentHistoryService } from '../services/deployment-history.service';

@ApiTags('lineage')
@Controller('v1/lineage/routes')
export class RouteHistoryController {
  constructor(private readonly history: DeploymentHistoryService) {}

  /** What the route served at an instant: models, versions, prompt versions, weights. */
  @Get(':route/at')
  @Roles('viewer', 'ml-engineer', 'approver', 'data-engineer', 'service')
  at(@Param() params: RouteParamsDto, @Query() query: RouteAtQueryDto): Promise<RouteAtView> {
    return this.history.at(params.route, query.time);
  }

  /** Every state of the route with its validity interval, oldest first. */
  @Get(':route/history')
  @Roles('viewer', 'ml-engineer', 'approver', 'data-engineer', 'service')
  list(@Param() params: RouteParamsDto, @Query() query: RouteHistoryQueryDto): Promise<RouteHistoryView> {
    return this.history.history(params.route, query);
  }
}
