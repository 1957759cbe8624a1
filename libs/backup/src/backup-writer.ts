import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type BackupFile, type BackupManifest, MANIFEST_FILE, SUMS_FILE } from './backup-manifest';

/**
 * Writes a backup folder: every file fsynced, with its SHA-256 computed as it is written, then
 * SHA256SUMS (for `sha256sum -c`) and last the manifest. A folder without a manifest is an
 * incomplete backup; `discard` removes what a failed backup wrote.
 */
export class BackupWriter {
  private readonly written: BackupFile[] = [];

  private constructor(readonly dir: string) {}

  /** Refuses a folder that exists and is not empty: a backup never overwrites anything. */
  static create(dir: string): BackupWriter {
    const path = resolve(dir);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    if (readdirSync(path).length > 0)
      throw new Error(`Thư mục ${path} không trống: hãy chọn một thư mục mới`);
    return new BackupWriter(path);
  }

  async write(
    path: string,
    body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
    mode = 0o600,
  ): Promise<BackupFile> {
    const target = join(this.dir, path);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const handle = await open(target, 'wx', mode);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        hash.update(bytes);
        size += bytes.length;
        await handle.write(bytes);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    const entry = { path, sha256: hash.digest('hex'), size };
    this.written.push(entry);
    return entry;
  }

  async finish(manifest: BackupManifest): Promise<void> {
    const sums = this.written.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    await this.write(SUMS_FILE, [sums], 0o644);
    await this.write(MANIFEST_FILE, [`${JSON.stringify(manifest, null, 1)}\n`], 0o600);
    const handle = await open(this.dir, 'r');
    await handle.sync().finally(() => handle.close());
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
