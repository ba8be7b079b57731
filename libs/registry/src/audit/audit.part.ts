import type { RegistryPart } from '../registry-part';

/** Registry area: audit. */
export const auditPart: RegistryPart = {
  controllers: [],
  providers: [],
  entities: [],
  migrations: [],
};
