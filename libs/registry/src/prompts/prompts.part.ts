import type { RegistryPart } from '../registry-part';

/** Registry area: prompts. */
export const promptsPart: RegistryPart = {
  controllers: [],
  providers: [],
  entities: [],
  migrations: [],
};
