import { FilesystemObjectStorage } from './filesystem-object-storage';
import type { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';
import type { StorageOptions } from './storage-options';

/**
 * The adapter `options` name. Nothing is touched until `init()` or the first call, so this is safe
 * to use in a provider factory; call `init()` at boot to fail early on a bad root or bucket.
 */
export function createObjectStorage(options: StorageOptions): ObjectStorage {
  switch (options.driver) {
    case 'filesystem':
      return new FilesystemObjectStorage({ root: options.root });
    case 's3':
      return new S3ObjectStorage({
        endPoint: options.endPoint,
        port: options.port,
        useSSL: options.useSSL,
        accessKey: options.accessKey,
        secretKey: options.secretKey,
        bucket: options.bucket,
        region: options.region,
      });
  }
}
