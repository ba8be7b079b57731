import { EvaluationModule } from '@llmops/evaluation';
import { IngestionModule } from '@llmops/ingestion';
import { LabelingModule } from '@llmops/labeling';
import { MonitoringModule } from '@llmops/monitoring';
import { RegistryModule } from '@llmops/registry';
import { ServingModule } from '@llmops/serving';
import { TrainingModule } from '@llmops/training';
import type { ServiceDefinition } from './service-definition';

/** The seven services, in lifecycle order. */
export const ALL_SERVICES: readonly ServiceDefinition[] = [
  { name: 'ingestion', register: (infra) => IngestionModule.register(infra) },
  { name: 'labeling', register: (infra) => LabelingModule.register(infra) },
  { name: 'training', register: (infra) => TrainingModule.register(infra) },
  { name: 'evaluation', register: (infra) => EvaluationModule.register(infra) },
  { name: 'registry', register: (infra) => RegistryModule.register(infra) },
  { name: 'serving', register: (infra) => ServingModule.register(infra) },
  { name: 'monitoring', register: (infra) => MonitoringModule.register(infra) },
];
