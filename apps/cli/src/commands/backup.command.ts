import { existsSync, lstatSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CreateBackupUseCase, readMasterKey, RestoreBackupUseCase } from '@vanthu/backup';
import { loadConfig } from '@vanthu/config';
import { createObjectStorage } from '@vanthu/storage';
import type { Command } from 'commander';
import { withDatabase } from '../cli-database';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `vanthu backup --out DIR` (online: beside the running server, on its embedded PostgreSQL or
 * DATABASE_URL) and `vanthu restore --from DIR` (into an empty data folder, or an empty external
 * database and a store). See docs/operations.md.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Sao lưu nhất quán cơ sở dữ liệu và mọi tệp lưu trữ (chạy được khi máy chủ đang chạy)')
    .requiredOption('--out <dir>', 'thư mục mới để ghi bản sao lưu')
    .option('--include-master-key', 'chép cả khóa chủ vào bản sao lưu (mặc định: phải giữ riêng)')
    .action(async (options: { out: string; includeMasterKey?: boolean }) => {
      const config = loadConfig();
      const storage = createObjectStorage(config.storage);
      const masterKey = readMasterKey(config.security.masterKey, config.data.dir);
      const summary = await withDatabase(false, (runtime) =>
        new CreateBackupUseCase().execute({
          out: options.out,
          databaseUrl: runtime.url,
          storage,
          dataDir: config.data.dir,
          skip: config.storage.driver === 'filesystem' ? [config.storage.root] : [],
          masterKey,
          includeMasterKey: options.includeMasterKey === true,
          log,
        }),
      ).finally(() => storage.close());
      process.stdout.write(
        `Sao lưu xong: ${summary.tables} bảng (${summary.rows} dòng), ${summary.objects} đối tượng ` +
          `(${summary.referencedObjects} được CSDL trỏ tới), ${summary.files} tệp khác, ${summary.bytes} byte.\n`,
      );
      if (masterKey && !options.includeMasterKey)
        process.stdout.write(
          `Khóa chủ (${masterKey.id}) KHÔNG nằm trong bản sao lưu: hãy giữ riêng ${config.data.dir}/master.key ` +
            '(hoặc VANTHU_MASTER_KEY); thiếu nó, khóa ký của cơ quan không mở được sau khi khôi phục.\n',
        );
    });

  program
    .command('restore')
    .description('Khôi phục bản sao lưu vào thư mục dữ liệu trống (hoặc CSDL ngoài trống và kho lưu trữ)')
    .requiredOption('--from <dir>', 'thư mục bản sao lưu')
    .action(async (options: { from: string }) => {
      const config = loadConfig();
      const embedded = !config.database.url;
      if (embedded) assertEmptyDataFolder(config.data.dir);
      const storage = createObjectStorage(config.storage);
      const summary = await new RestoreBackupUseCase()
        .execute({
          from: options.from,
          withDatabase: (work) =>
            withDatabase(false, (runtime) => work({ url: runtime.url, database: runtime.database })),
          storage,
          dataDir: config.data.dir,
          configuredMasterKey: config.security.masterKey,
          log,
        })
        .catch((error: unknown) => {
          // the folder was empty: leave it so again, so the restore can simply be run again
          if (embedded) emptyDataFolder(config.data.dir);
          throw error;
        })
        .finally(() => storage.close());
      process.stdout.write(
        `Khôi phục xong: ${summary.rows} dòng, ${summary.objects} đối tượng; ${summary.objectsChecked} ` +
          `đối tượng được CSDL trỏ tới đều khớp SHA-256; nhật ký kiểm toán toàn vẹn (${summary.auditEvents} bản ghi).\n`,
      );
    });
}

/** Removes what a failed restore wrote into a data folder that was empty (keeps master.key). */
function emptyDataFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name === 'master.key') continue;
    const path = join(dir, name);
    if (name === 'pg' && lstatSync(path).isSymbolicLink())
      rmSync(resolve(dir, readlinkSync(path)), { recursive: true, force: true });
    rmSync(path, { recursive: true, force: true });
  }
}

/** The embedded target: nothing there yet but, possibly, the master key put there on purpose. */
function assertEmptyDataFolder(dir: string): void {
  if (!existsSync(dir)) return;
  const present = readdirSync(dir).filter((name) => name !== 'master.key');
  if (present.length > 0)
    throw new Error(
      `Thư mục dữ liệu ${dir} không trống (${present.join(', ')}): khôi phục vào một thư mục mới ` +
        '(VANTHU_DATA_DIR) để không ghi đè dữ liệu đang có',
    );
}
