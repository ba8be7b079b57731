import type { RegistryPart } from '../registry-part';
import { EvaluationLineageConsumer } from './consumers/evaluation-lineage.consumer';
import { IngestionLineageConsumer } from './consumers/ingestion-lineage.consumer';
import { LabelingLineageConsumer } from './consumers/labeling-lineage.consumer';
import { MonitoringLineageConsumer } from './consumers/monitoring-lineage.consumer';
import { RegistryLineageConsumer } from './consumers/registry-lineage.consumer';
import { ServingLineageConsumer } from './consumers/serving-lineage.consumer';
import { TrainingLineageConsumer } from './consumers/training-lineage.consumer';
import { LineageGraphController } from './controllers/lineage-graph.controller';
import { RouteHistoryController } from './controllers/route-history.controller';
import { CreateLineageTables1764400300000 } from './migrations/create-lineage-tables.migration';
import { LineageGraphRepository } from './repositories/lineage-graph.repository';
import { LineageWalkRepository } from './repositories/lineage-walk.repository';
import { RouteHistoryRepository } from './repositories/route-history.repository';
import { DeploymentHistoryService } from './services/deployment-history.service';
import { LineageQueryService } from './services/lineage-query.service';
import { LineageRecorder } from './services/lineage-recorder.service';

/**
 * Registry area: lineage. A graph built from every service's events (sources → dataset versions →
 * labeling → runs → model versions → evaluations → approvals → deployments → findings → retraining),
 * the deployment history of every route, and the `/v1/lineage` queries over both.
 */
export const lineagePart: RegistryPart = {
  controllers: [
    LineageGraphController,
    RouteHistoryController,
    IngestionLineageConsumer,
    LabelingLineageConsumer,
    TrainingLineageConsumer,
    EvaluationLineageConsumer,
    RegistryLineageConsumer,
    ServingLineageConsumer,
    MonitoringLineageConsumer,
  ],
  providers: [
    LineageGraphRepository,
    LineageWalkRepository,
    RouteHistoryRepository,
    LineageRecorder,
    DeploymentHistoryService,
    LineageQueryService,
  ],
  entities: [],
  migrations: [CreateLineageTables1764400300000],
  /** Other areas (model cards) may read lineage. */
  exports: [LineageQueryService],
};
