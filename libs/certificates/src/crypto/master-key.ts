import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CertificateErrors } from '../certificates.errors';

export const MASTER_KEY_BYTES = 32;
export const MASTER_KEY_FILE_NAME = 'master.key';

/**
 * The key that seals private keys at rest. Held as a KeyObject so that it never prints (a logged or
 * serialised MasterKey shows nothing of the key), with a 4-byte id written into every sealed value:
 * a value sealed under another key is then recognised as such instead of failing as "corrupt".
 */
export class MasterKey {
  readonly id: Buffer;

  private constructor(
    readonly key: KeyObject,
    readonly source: 'configuration' | 'file' | 'generated',
  ) {
    this.id = createHmac('sha256', key).update('vanthu master key id').digest().subarray(0, 4);
  }

  /** Copies the bytes into a KeyObject and wipes the caller's buffer. */
  static fromBytes(bytes: Buffer, source: MasterKey['source']): MasterKey {
    if (bytes.length !== MASTER_KEY_BYTES)
      throw CertificateErrors.masterKeyInvalid(`khóa phải dài đúng ${MASTER_KEY_BYTES} byte.`);
    const key = createSecretKey(Buffer.from(bytes));
    bytes.fill(0);
    return new MasterKey(key, source);
  }

  toJSON(): string {
    return '[master key]';
  }
}

export interface MasterKeyInput {
  /** Base64 of 32 bytes (VANTHU_MASTER_KEY); takes precedence over the file. */
  readonly configured?: string;
  /** The data folder; the generated key lives in `<dataDir>/master.key`. */
  readonly dataDir: string;
}

/**
 * The configured key, else `<dataDir>/master.key`, created on first use. The file holds the 32 raw
 * bytes (`base64 master.key` gives the value for VANTHU_MASTER_KEY), mode 0600. It is written to a
 * temporary name and hard-linked into place, so two processes starting at once (server and CLI)
 * cannot both create one: the second sees EEXIST and reads the first's. A file that others can read
 * or of the wrong length is refused rather than fixed: it means the key may already have leaked, or
 * the wrong file is there, and silently replacing it would make every sealed key unreadable.
 */
export async function resolveMasterKey(input: MasterKeyInput): Promise<MasterKey> {
  if (input.configured !== undefined && input.configured !== '') {
    return MasterKey.fromBytes(Buffer.from(input.configured, 'base64'), 'configuration');
  }
  const path = join(input.dataDir, MASTER_KEY_FILE_NAME);
  const existing = await readKeyFile(path);
  if (existing) return existing;
  return generateKeyFile(input.dataDir, path);
}

async function readKeyFile(path: string): Promise<MasterKey | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw CertificateErrors.masterKeyInvalid(`không đọc được tệp ${path}.`);
  }
  if (!info.isFile()) throw CertificateErrors.masterKeyInvalid(`${path} không phải là tệp thông thường.`);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw CertificateErrors.masterKeyInvalid(
      `tệp ${path} có quyền ${(info.mode & 0o777).toString(8)}, người khác đọc được; ` +
        'hãy kiểm tra khóa có bị lộ không rồi đặt quyền 600 (chmod 600).',
    );
  }
  if (info.size !== MASTER_KEY_BYTES) {
    throw CertificateErrors.masterKeyInvalid(
      `tệp ${path} dài ${info.size} byte, phải đúng ${MASTER_KEY_BYTES} byte.`,
    );
  }
  return MasterKey.fromBytes(await readFile(path), 'file');
}

async function generateKeyFile(dataDir: string, path: string): Promise<MasterKey> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temporary = join(dataDir, `.${MASTER_KEY_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = randomBytes(MASTER_KEY_BYTES);
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.chmod(0o600); // whatever the umask
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      bytes.fill(0);
      const winner = await readKeyFile(path);
      if (!winner) throw CertificateErrors.masterKeyInvalid(`không tạo được tệp ${path}.`);
      return winner;
    }
    await syncDirectory(dataDir);
    return MasterKey.fromBytes(bytes, 'generated');
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Makes the new directory entry durable (Linux can fsync a directory; some platforms cannot open one). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort where directories cannot be synced: the key file's own contents were synced
  }
}
