import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { CreatePlanDto } from './plan.dto';
import { PlanService } from './plan.service';

@ApiTags('training')
@Controller('v1/training/plans')
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Post()
  @Roles('ml-engineer')
  create(@Body() dto: CreatePlanDto) {
    return this.plans.create(dto);
  }

  @Get()
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  list() {
    return this.plans.list();
  }

  @Get(':plan')
  @Roles('viewer', 'ml-engineer', 'data-engineer')
  get(@Param('plan') plan: string) {
    return this.plans.view(plan);
  }

  @Post(':plan/disable')
  @HttpCode(200)
  @Roles('ml-engineer')
  disable(@Param('plan') plan: string) {
    return this.plans.setEnabled(plan, false);
  }

  @Post(':plan/enable')
  @HttpCode(200)
  @Roles('ml-engineer')
  enable(@Param('plan') plan: string) {
    return this.plans.setEnabled(plan, true);
  }
}
