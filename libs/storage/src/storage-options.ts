import type { FilesystemObjectStorageOptions } from './filesystem-object-storage';
import type { S3ObjectStorageOptions } from './s3-object-storage';

/** Which adapter to use and its settings; matches `StorageConfig` from @vanthu/config. */
export type StorageOptions =
  ({ driver: 'filesystem' } & FilesystemObjectStorageOptions) | ({ driver: 's3' } & S3ObjectStorageOptions);
