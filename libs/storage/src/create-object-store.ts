import { FsObjectStore } from './drivers/fs-object-store';
import { S3ObjectStore } from './drivers/s3-object-store';
import type { ObjectStore } from './object-store';
import type { StorageConfig } from './storage.config';

/** The one place that maps a config to a driver; nothing else names a driver class. */
export function createObjectStore(config: StorageConfig): ObjectStore {
  switch (config.driver) {
    case 's3':
      return new S3ObjectStore(config);
    case 'fs':
      return new FsObjectStore({ dir: config.dir, bucket: config.bucket });
  }
}
