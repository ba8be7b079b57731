export { ObjectStore } from './object-store';
export type { GetOptions, ObjectBody, PutOptions, SealOptions, StoredObject } from './object-store.types';
export { FsObjectStore, type FsObjectStoreOptions } from './drivers/fs-object-store';
export { S3ObjectStore, type S3ObjectStoreOptions } from './drivers/s3-object-store';
export { createObjectStore } from './create-object-store';
export {
  DEFAULT_FS_DIR,
  parseStorageConfig,
  type FsStorageConfig,
  type S3StorageConfig,
  type StorageConfig,
} from './storage.config';
export { StorageModule, type StorageModuleOptions } from './storage.module';
export { StorageHealthIndicator, type StorageHealth } from './storage-health.indicator';
export { RESERVED_ROOT } from './domain/object-key';
export {
  isStorageError,
  StorageError,
  STORAGE_ERROR_CODES,
  type StorageErrorCode,
} from './errors/storage.error';
export { StorageArgumentError } from './errors/storage-argument.error';
export { StorageConfigError } from './errors/storage-config.error';
export { StorageIntegrityError, type ContentDigest } from './errors/storage-integrity.error';
export { StorageKeyError } from './errors/storage-key.error';
export { StorageNotFoundError } from './errors/storage-not-found.error';
export { StorageUnavailableError } from './errors/storage-unavailable.error';
export { StorageUnsupportedError } from './errors/storage-unsupported.error';
export { objectKeyOf } from './domain/object-uri';
