import 'reflect-metadata';
import { runStandalone } from '@llmops/service-host';

// All seven services in one process on port 8080, with embedded defaults under ./.llmops/.
void runStandalone();
