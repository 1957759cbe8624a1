import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Client } from 'minio';
import type { StorageOptions } from '@vanthu/storage';

/**
 * Everything the object storage holds, as the backend lists it (file paths under the filesystem
 * root, temporaries included; every key of the S3 bucket, temporaries included), sorted: for tests
 * that a refused request left storage as it found it.
 */
export async function listStoredObjects(options: StorageOptions): Promise<string[]> {
  const names = options.driver === 'filesystem' ? await filesUnder(options.root) : await bucketKeys(options);
  return names.sort();
}

async function filesUnder(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(relative(root, path));
    }
  };
  await walk(root);
  return files;
}

async function bucketKeys(options: Extract<StorageOptions, { driver: 's3' }>): Promise<string[]> {
  const client = new Client({
    endPoint: options.endPoint,
    port: options.port,
    useSSL: options.useSSL,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    region: options.region ?? 'us-east-1',
  });
  if (!(await client.bucketExists(options.bucket))) return [];
  const keys: string[] = [];
  for await (const item of client.listObjectsV2(options.bucket, '', true)) {
    const name = (item as { name?: string }).name;
    if (name) keys.push(name);
  }
  return keys;
}
