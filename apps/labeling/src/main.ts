import 'reflect-metadata';
import { runService } from '@llmops/service-host';

// The labeling service, one process (distributed mode). Configuration comes from env: see docs/deployment.md.
void runService('labeling');
