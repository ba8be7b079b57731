import { Global, Module } from '@nestjs/common';
import { ReadinessRegistry } from './readiness.registry';

/**
 * One ReadinessRegistry per app. Global and static, so every infra module that imports it (to register
 * its check) and the health controller that reads it share the same instance.
 */
@Global()
@Module({ providers: [ReadinessRegistry], exports: [ReadinessRegistry] })
export class ReadinessModule {}
