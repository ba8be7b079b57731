import type { ServiceName } from '@llmops/contracts';

/** Default HTTP port of each service in distributed mode; standalone serves all of them on 8080. */
export const SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  ingestion: 3001,
  labeling: 3002,
  training: 3003,
  evaluation: 3004,
  registry: 3005,
  serving: 3006,
  monitoring: 3007,
};

export const STANDALONE_PORT = 8080;
