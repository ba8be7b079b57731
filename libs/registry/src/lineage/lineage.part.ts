import type { RegistryPart } from '../registry-part';

/** Registry area: lineage. */
export const lineagePart: RegistryPart = {
  controllers: [],
  providers: [],
  entities: [],
  migrations: [],
};
