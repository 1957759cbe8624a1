import { createReadStream, lstatSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { DatabaseSnapshot } from '@vanthu/persistence';
import type { ObjectStorage } from '@vanthu/storage';
import { type BackupManifest, FILES_DIR, MASTER_KEY_BACKUP_FILE, objectPath } from './backup-manifest';
import { BackupWriter } from './backup-writer';
import type { MasterKeyBytes } from './master-key-id';

export interface CreateBackupInput {
  out: string;
  databaseUrl: string;
  storage: ObjectStorage;
  dataDir: string;
  /** Folders of the data folder that are not copied as files (the cluster, a filesystem store). */
  skip: string[];
  masterKey: MasterKeyBytes | null;
  /** Put the master key itself into the backup (else only its id, and it must be kept apart). */
  includeMasterKey: boolean;
  log: (line: string) => void;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  objects: number;
  referencedObjects: number;
  files: number;
  bytes: number;
}

type ObjectEntry = BackupManifest['objects'][number];

/**
 * `vanthu backup`: a consistent copy of the database and of every stored object, taken while the
 * server runs. The rows come from one snapshot (DatabaseSnapshot), and so does the list of objects
 * they point at: all of those are copied, and each must have the SHA-256 its row records. Objects are
 * immutable and never deleted while referenced, so they are all still there after the snapshot; one
 * written after it is copied too if the storage listing shows it, marked unreferenced (its row, if
 * any, came later than the snapshot).
 */
export class CreateBackupUseCase {
  async execute(input: CreateBackupInput): Promise<BackupSummary> {
    const writer = BackupWriter.create(input.out);
    try {
      const summary = await this.write(writer, input);
      input.log(`Đã ghi bản sao lưu vào ${writer.dir}`);
      return summary;
    } catch (error) {
      writer.discard();
      throw error;
    }
  }

  private async write(writer: BackupWriter, input: CreateBackupInput): Promise<BackupSummary> {
    const snapshot = await DatabaseSnapshot.open(input.databaseUrl);
    let manifest: Omit<BackupManifest, 'objects' | 'files' | 'masterKey'>;
    let references;
    try {
      const tables = await snapshot.tables();
      manifest = {
        format: 'vanthu-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        postgresVersion: await snapshot.serverVersion(),
        migrations: await snapshot.migrations(),
        sequences: await snapshot.sequences(),
        tables: [],
      };
      references = await snapshot.storageReferences();
      for (const table of tables) {
        let rows = 0;
        const counting = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            // COPY text format escapes newlines inside values: one line is one row
            for (const byte of chunk) if (byte === 0x0a) rows++;
            done(null, chunk);
          },
        });
        const file = await writer.write(
          `database/${table.name}.copy.gz`,
          snapshot.copyOut(table).pipe(counting).pipe(createGzip()),
        );
        manifest.tables.push({ ...table, rows, file });
      }
    } finally {
      await snapshot.close();
    }
    input.log(
      `Cơ sở dữ liệu: ${manifest.tables.length} bảng, ${manifest.tables.reduce((n, t) => n + t.rows, 0)} dòng`,
    );

    const objects = new Map<string, ObjectEntry>();
    for (const ref of references) {
      const entry = await this.copyObject(writer, input.storage, ref.key, true);
      if (!entry) throw new Error(`Thiếu đối tượng ${ref.key} mà cơ sở dữ liệu trỏ tới`);
      if (ref.sha256 && entry.sha256 !== ref.sha256)
        throw new Error(
          `Đối tượng ${ref.key} có SHA-256 ${entry.sha256}, khác với ${ref.sha256} đã ghi trong CSDL`,
        );
      objects.set(ref.key, entry);
    }
    for await (const key of input.storage.list()) {
      if (objects.has(key)) continue;
      const entry = await this.copyObject(writer, input.storage, key, false);
      if (entry) objects.set(key, entry);
    }
    input.log(`Đối tượng: ${objects.size} (${references.length} được CSDL trỏ tới)`);

    const files = await this.copyFiles(writer, input);
    const keyFile =
      input.includeMasterKey && input.masterKey
        ? await writer.write(MASTER_KEY_BACKUP_FILE, [input.masterKey.bytes])
        : null;
    const full: BackupManifest = {
      ...manifest,
      objects: [...objects.values()],
      files,
      masterKey: { id: input.masterKey?.id ?? null, file: keyFile },
    };
    await writer.finish(full);
    return {
      tables: full.tables.length,
      rows: full.tables.reduce((n, t) => n + t.rows, 0),
      objects: full.objects.length,
      referencedObjects: references.length,
      files: files.length,
      bytes:
        full.tables.reduce((n, t) => n + t.file.size, 0) +
        full.objects.reduce((n, o) => n + o.size, 0) +
        files.reduce((n, f) => n + f.size, 0),
    };
  }

  /** Copies one object, checked as it is read; undefined when it is gone (deleted after the listing). */
  private async copyObject(
    writer: BackupWriter,
    storage: ObjectStorage,
    key: string,
    referenced: boolean,
  ): Promise<ObjectEntry | undefined> {
    let stat;
    let body: Readable;
    try {
      stat = await storage.stat(key);
      body = await storage.get(key);
    } catch (error) {
      if ((error as { code?: string }).code === 'STORAGE_OBJECT_NOT_FOUND' && !referenced) return undefined;
      throw error;
    }
    const file = await writer.write(objectPath(key), body);
    if (file.sha256 !== stat.sha256 || file.size !== stat.size)
      throw new Error(`Đối tượng ${key} đổi trong khi sao lưu`);
    return { key, sha256: file.sha256, size: file.size, contentType: stat.contentType ?? '', referenced };
  }

  private async copyFiles(writer: BackupWriter, input: CreateBackupInput): Promise<BackupManifest['files']> {
    const root = resolve(input.dataDir);
    const skip = new Set([...input.skip.map((p) => resolve(p)), join(root, 'pg'), join(root, 'master.key')]);
    const files: BackupManifest['files'] = [];
    const walk = async (dir: string) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return;
      }
      for (const name of names) {
        const path = join(dir, name);
        if (skip.has(path) || name.startsWith('.')) continue;
        const info = lstatSync(path);
        if (info.isDirectory()) await walk(path);
        else if (info.isFile()) {
          const entry = await writer.write(`${FILES_DIR}/${relative(root, path)}`, createReadStream(path));
          files.push({ ...entry, mode: info.mode & 0o777 });
        }
      }
    };
    await walk(root);
    return files;
  }
}
