import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_KEY_FILE_NAME, MasterKey } from '@vanthu/certificates';

export interface MasterKeyBytes {
  id: string;
  bytes: Buffer;
}

/**
 * The master key in force for a data folder (VANTHU_MASTER_KEY, else `<data>/master.key`), without
 * creating one when there is none (resolveMasterKey would).
 */
export function readMasterKey(configured: string | undefined, dataDir: string): MasterKeyBytes | null {
  let bytes: Buffer;
  if (configured) bytes = Buffer.from(configured, 'base64');
  else if (existsSync(join(dataDir, MASTER_KEY_FILE_NAME)))
    bytes = readFileSync(join(dataDir, MASTER_KEY_FILE_NAME));
  else return null;
  return { id: masterKeyId(bytes), bytes };
}

export function masterKeyId(bytes: Buffer): string {
  return MasterKey.fromBytes(Buffer.from(bytes), 'file').id.toString('hex');
}
