import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { AuditChainVerifier, AuditEventRepository } from '@vanthu/audit';
import { MASTER_KEY_FILE_NAME } from '@vanthu/certificates';
import { type Database, DatabaseLoader, DatabaseSnapshot } from '@vanthu/persistence';
import type { ObjectStorage } from '@vanthu/storage';
import { FILES_DIR, objectPath } from './backup-manifest';
import { BackupReader } from './backup-reader';
import { masterKeyId, readMasterKey } from './master-key-id';

/** The target database, opened only once the backup has passed its checks; it must be empty. */
export interface RestoreTarget {
  url: string;
  database: Database;
}

export interface RestoreBackupInput {
  from: string;
  /** Opens the target database, runs `work` on it and closes it. */
  withDatabase: <T>(work: (target: RestoreTarget) => Promise<T>) => Promise<T>;
  storage: ObjectStorage;
  dataDir: string;
  /** VANTHU_MASTER_KEY, when configured. */
  configuredMasterKey: string | undefined;
  log: (line: string) => void;
}

export interface RestoreSummary {
  rows: number;
  objects: number;
  objectsChecked: number;
  auditEvents: number;
}

/**
 * `vanthu restore`: a backup into an empty database and a store. Everything that can be checked
 * first is checked before anything is written (every file against the manifest, the migrations
 * known to this version, the master key the sealed keys need, an empty database); then objects and
 * files, then the schema by the backup's own migrations and the rows in one transaction, then the
 * migrations of this version; and last the proof: every object the rows point at read back with the
 * SHA-256 its row records, and the audit chain verified.
 */
export class RestoreBackupUseCase {
  async execute(input: RestoreBackupInput): Promise<RestoreSummary> {
    const reader = BackupReader.open(input.from);
    const m = reader.manifest;
    const bytes = await reader.verify();
    input.log(`Bản sao lưu ${reader.dir} nguyên vẹn (${bytes} byte, lập lúc ${m.createdAt})`);
    const unknown = DatabaseLoader.unknownMigrations(m.migrations);
    if (unknown.length > 0)
      throw new Error(
        `Bản sao lưu do phiên bản mới hơn lập (migration ${unknown.join(', ')}): hãy cập nhật vanthu`,
      );
    await this.checkMasterKey(reader, input);
    return input.withDatabase((target) => this.restore(reader, target, input));
  }

  private async restore(
    reader: BackupReader,
    target: RestoreTarget,
    input: RestoreBackupInput,
  ): Promise<RestoreSummary> {
    const m = reader.manifest;
    const loader = await DatabaseLoader.open(target.url);
    try {
      if (!(await loader.isEmpty()))
        throw new Error('Cơ sở dữ liệu đích đã có bảng: chỉ khôi phục vào một cơ sở dữ liệu trống');
      await this.installMasterKey(reader, input);
      for (const object of m.objects) {
        const stored = await input.storage.put(object.key, reader.stream(objectPath(object.key)), {
          contentType: object.contentType || undefined,
        });
        if (stored.sha256 !== object.sha256)
          throw new Error(`Đối tượng ${object.key} ghi ra không khớp SHA-256`);
      }
      input.log(`Đã ghi ${m.objects.length} đối tượng vào kho lưu trữ`);
      for (const file of m.files) {
        const target = join(resolve(input.dataDir), file.path.slice(FILES_DIR.length + 1));
        mkdirSync(dirname(target), { recursive: true });
        await writeFile(target, reader.stream(file.path), { mode: file.mode });
        chmodSync(target, file.mode);
      }

      await loader.migrate(m.migrations);
      const tables = await loader.loadOrder(m.tables);
      if (tables.length !== m.tables.length) throw new Error('Lược đồ đích thiếu bảng có trong bản sao lưu');
      const counts = await loader.load(
        tables,
        (t) => reader.stream(m.tables.find((x) => x.name === t.name)!.file.path).pipe(createGunzip()),
        m.sequences,
      );
      for (const t of m.tables)
        if (counts.get(t.name) !== t.rows)
          throw new Error(`Bảng ${t.name}: nạp ${counts.get(t.name)} dòng, bản sao lưu có ${t.rows}`);
      await loader.migrate('all');
    } finally {
      await loader.close();
    }
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    input.log(`Đã nạp ${rows} dòng vào ${m.tables.length} bảng`);

    const objectsChecked = await this.checkObjects(target.url, input.storage);
    const audit = await new AuditChainVerifier(new AuditEventRepository(target.database)).verify();
    if (!audit.ok)
      throw new Error(
        `Nhật ký kiểm toán sau khôi phục không toàn vẹn: ${JSON.stringify(audit.firstProblem)}`,
      );
    return { rows, objects: m.objects.length, objectsChecked, auditEvents: audit.checked };
  }

  /** Refuses, before writing anything, when the sealed keys would be unreadable after the restore. */
  private async checkMasterKey(reader: BackupReader, input: RestoreBackupInput): Promise<void> {
    const needed = reader.manifest.masterKey.id;
    if (!needed) return;
    const present = readMasterKey(input.configuredMasterKey, input.dataDir);
    const fromBackup = reader.manifest.masterKey.file;
    const available = present?.id ?? (fromBackup ? await this.backupKeyId(reader) : undefined);
    if (available === needed) return;
    throw new Error(
      `Khóa bí mật trong bản sao lưu được niêm phong bằng khóa chủ ${needed}` +
        (available ? `, không phải khóa hiện có (${available})` : '') +
        `: hãy đặt VANTHU_MASTER_KEY hoặc chép tệp ${MASTER_KEY_FILE_NAME} đã giữ riêng vào ${input.dataDir} rồi chạy lại`,
    );
  }

  private async backupKeyId(reader: BackupReader): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of reader.stream(reader.manifest.masterKey.file!.path)) chunks.push(c as Buffer);
    return masterKeyId(Buffer.concat(chunks));
  }

  private async installMasterKey(reader: BackupReader, input: RestoreBackupInput): Promise<void> {
    const file = reader.manifest.masterKey.file;
    if (!file || readMasterKey(input.configuredMasterKey, input.dataDir)) return;
    const target = join(input.dataDir, MASTER_KEY_FILE_NAME);
    mkdirSync(input.dataDir, { recursive: true, mode: 0o700 });
    if (!existsSync(target)) await writeFile(target, reader.stream(file.path), { mode: 0o600, flag: 'wx' });
  }

  /** Reads back every object the restored rows point at: it must have the SHA-256 its row records. */
  private async checkObjects(url: string, storage: ObjectStorage): Promise<number> {
    const snapshot = await DatabaseSnapshot.open(url);
    let references;
    try {
      references = await snapshot.storageReferences();
    } finally {
      await snapshot.close();
    }
    for (const ref of references) {
      const hash = createHash('sha256');
      for await (const chunk of await storage.get(ref.key)) hash.update(chunk as Buffer);
      const actual = hash.digest('hex');
      if (ref.sha256 && actual !== ref.sha256)
        throw new Error(`Đối tượng ${ref.key} sau khôi phục có SHA-256 ${actual}, CSDL ghi ${ref.sha256}`);
    }
    return references.length;
  }
}
