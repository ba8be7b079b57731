import type { Provider, Type } from '@nestjs/common';

/**
 * One area of the registry (models, approvals, lineage, prompts, audit). Each area keeps its own
 * controllers, consumers, providers, entities and migrations; RegistryModule mounts them all in the one
 * registry module, over the one registry schema and outbox.
 */
export interface RegistryPart {
  controllers: Type[];
  providers: Provider[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations: Function[];
  /** Providers other areas may use (e.g. the approvals service for prompts). */
  exports?: Provider[];
}
