import { type DynamicModule, Module } from '@nestjs/common';
import { createObjectStore } from './create-object-store';
import { ObjectStore } from './object-store';
import type { StorageConfig } from './storage.config';
import { StorageHealthIndicator } from './storage-health.indicator';

export interface StorageModuleOptions {
  /**
   * Create the bucket / base directory while the module initializes (default true), so a wrong
   * endpoint or credentials fail the boot instead of the first request.
   */
  ensureReady?: boolean;
}

/** Provides `ObjectStore` and `StorageHealthIndicator` to the whole app; import once, in the root module. */
@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig, options: StorageModuleOptions = {}): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        {
          provide: ObjectStore,
          useFactory: async (): Promise<ObjectStore> => {
            const store = createObjectStore(config);
            if (options.ensureReady ?? true) await store.ensureReady();
            return store;
          },
        },
        StorageHealthIndicator,
      ],
      exports: [ObjectStore, StorageHealthIndicator],
    };
  }
}
