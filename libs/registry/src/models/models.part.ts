import type { RegistryPart } from '../registry-part';

/** Registry area: models. */
export const modelsPart: RegistryPart = {
  controllers: [],
  providers: [],
  entities: [],
  migrations: [],
};
