import type { DynamicModule } from '@nestjs/common';
import type { ServiceName } from '@llmops/contracts';
import type { ServiceInfraOptions } from '@llmops/messaging';

/** A feature lib as the host sees it: a name and a way to build its module for a given infrastructure. */
export interface ServiceDefinition {
  name: ServiceName;
  register(infra: ServiceInfraOptions): DynamicModule;
}
