import type { RegistryPart } from '../registry-part';

/** Registry area: approvals. */
export const approvalsPart: RegistryPart = {
  controllers: [],
  providers: [],
  entities: [],
  migrations: [],
};
