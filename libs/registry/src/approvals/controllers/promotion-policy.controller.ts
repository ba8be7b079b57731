import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuditResource,
  CurrentPrincipal,
  Roles,
  setAuditBefore,
  setAuditResourceId,
  type Principal,
} from '@llmops/auth';
import { PutPromotionPolicyDto } from '../dtos/promotion-policy.dto';
import { PromotionPolicyService } from '../services/promotion-policy.service';
import { principalActor } from './principal-actor.util';

/**
 * Promotion policies. Changing one needs `approver` (or admin): whoever governs promotions owns the
 * rules, so the people whose models are governed cannot lower the bar themselves.
 */
@ApiTags('approvals')
@Controller('v1/models/:name/policy')
export class PromotionPolicyController {
  constructor(private readonly policies: PromotionPolicyService) {}

  @Get()
  @Roles('viewer', 'ml-engineer', 'approver')
  current(@Param('name') name: string) {
    return this.policies.current(name);
  }

  @Get('versions')
  @Roles('viewer', 'ml-engineer', 'approver')
  history(@Param('name') name: string) {
    return this.policies.history(name);
  }

  @Put()
  @Roles('approver')
  @AuditResource('promotion-policy')
  async put(
    @Param('name') name: string,
    @Body() dto: PutPromotionPolicyDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: object,
  ) {
    setAuditResourceId(request, name);
    setAuditBefore(request, await this.policies.current(name));
    return this.policies.put(name, dto, principalActor(principal));
  }
}
