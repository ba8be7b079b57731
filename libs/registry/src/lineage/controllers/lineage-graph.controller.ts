import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { GraphQueryDto, NodeParamsDto, type LineageGraphView } from '../dtos/lineage-graph.dto';
import { LineageQueryService } from '../services/lineage-query.service';

@ApiTags('lineage')
@Controller('v1/lineage/nodes')
export class LineageGraphController {
  constructor(private readonly lineage: LineageQueryService) {}

  /** The subgraph around a node: upstream (what it came from), downstream (what came of it), or both. */
  @Get(':kind/:id')
  @Roles('viewer', 'ml-engineer', 'approver', 'data-engineer', 'service')
  subgraph(@Param() params: NodeParamsDto, @Query() query: GraphQueryDto): Promise<LineageGraphView> {
    return this.lineage.subgraph(params.kind, params.id, query);
  }
}
