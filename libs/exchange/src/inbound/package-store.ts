import { Injectable } from '@nestjs/common';
import { ObjectStorage } from '@vanthu/storage';

/** Content-addressed: the same bytes (a consignment forwarded, resent, received again) are stored once. */
export function packageStorageKey(sha256: string): string {
  return `exchange/${sha256.slice(0, 2)}/${sha256}.xml`;
}

/** The exact bytes of packages sent and received, in the installation's object storage. */
@Injectable()
export class PackageStore {
  constructor(private readonly storage: ObjectStorage) {}

  async put(bytes: Buffer, sha256: string): Promise<string> {
    const key = packageStorageKey(sha256);
    await this.storage.putIfAbsent(key, bytes, { contentType: 'application/xml', sha256 });
    return key;
  }

  /** The bytes, verified against the SHA-256 recorded when they were written. */
  read(key: string): Promise<Buffer> {
    return this.storage.getBuffer(key);
  }

  delete(key: string): Promise<void> {
    return this.storage.delete(key);
  }
}
