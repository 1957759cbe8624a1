import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  type BackupFile,
  type BackupManifest,
  backupManifestSchema,
  MANIFEST_FILE,
  objectPath,
} from './backup-manifest';

/** Reads a backup folder, after checking that its manifest is complete and every file matches it. */
export class BackupReader {
  private constructor(
    readonly dir: string,
    readonly manifest: BackupManifest,
  ) {}

  static open(dir: string): BackupReader {
    const path = resolve(dir);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(path, MANIFEST_FILE), 'utf8'));
    } catch {
      throw new Error(`${path} không phải bản sao lưu hoàn chỉnh: không đọc được ${MANIFEST_FILE}`);
    }
    const parsed = backupManifestSchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(`${MANIFEST_FILE} trong ${path} không hợp lệ: ${parsed.error.message}`);
    return new BackupReader(path, parsed.data);
  }

  /** Every file the manifest lists, with the hash and size it must have. */
  files(): BackupFile[] {
    const m = this.manifest;
    return [
      ...m.tables.map((t) => t.file),
      ...m.objects.map((o) => ({ path: objectPath(o.key), sha256: o.sha256, size: o.size })),
      ...m.files,
      ...(m.masterKey.file ? [m.masterKey.file] : []),
    ];
  }

  /** Re-hashes every file; throws naming the first that is missing or differs. */
  async verify(): Promise<number> {
    let bytes = 0;
    for (const file of this.files()) {
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of this.stream(file.path)) {
          hash.update(chunk as Buffer);
          size += (chunk as Buffer).length;
        }
      } catch {
        throw new Error(`Bản sao lưu thiếu tệp ${file.path}`);
      }
      if (size !== file.size || hash.digest('hex') !== file.sha256)
        throw new Error(`Tệp ${file.path} của bản sao lưu không khớp mã SHA-256 đã ghi: bản sao lưu đã hỏng`);
      bytes += size;
    }
    return bytes;
  }

  stream(path: string): Readable {
    return createReadStream(join(this.dir, path));
  }
}
