import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { AuditResource, Roles } from '@llmops/auth';
import { AppError } from '@llmops/http';
import { CreateGatePolicyDto, toGatePolicyView, type GatePolicyView } from './gate-policy.dto';
import { GatePolicyRepository } from './gate-policy.repository';

/** Declarative, versioned gate policies: thresholds, champion comparisons, probe limits. */
@ApiTags('evaluation')
@AuditResource('gate-policy')
@Controller('v1/evaluations/gate-policies')
export class GatePolicyController {
  constructor(private readonly policies: GatePolicyRepository) {}

  /** A new version of the named policy → 201. 422 names every bad rule field. */
  @Post()
  @Roles('ml-engineer')
  async create(@Body() dto: CreateGatePolicyDto): Promise<GatePolicyView> {
    const { name, ...rules } = dto;
    return toGatePolicyView(await this.policies.insertNextVersion(uuidv7(), name, rules));
  }

  /** The latest version of every policy. */
  @Get()
  @Roles('viewer', 'ml-engineer')
  async list(): Promise<GatePolicyView[]> {
    return (await this.policies.listLatest()).map(toGatePolicyView);
  }

  @Get(':name/versions/:version')
  @Roles('viewer', 'ml-engineer')
  async get(
    @Param('name') name: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<GatePolicyView> {
    const policy = await this.policies.find(name, version);
    if (!policy)
      throw new AppError('GATE_POLICY_NOT_FOUND', 404, `no gate policy ${name} v${String(version)}`);
    return toGatePolicyView(policy);
  }
}
