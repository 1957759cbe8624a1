import type { Command } from 'commander';
import { withDatabase } from '../cli-database';

/** `vanthu db migrate|revert|show`: schema migrations (npm run migration:*). */
export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('Cơ sở dữ liệu: migration');

  db.command('migrate')
    .description('Áp dụng các migration còn thiếu')
    .action(async () => {
      await withDatabase(true, async () => undefined);
      process.stdout.write('Cơ sở dữ liệu đã cập nhật.\n');
    });

  db.command('revert')
    .description('Hoàn tác migration gần nhất')
    .action(async () => {
      await withDatabase(false, async (runtime) =>
        runtime.dataSource.undoLastMigration({ transaction: 'each' }),
      );
      process.stdout.write('Đã hoàn tác migration gần nhất.\n');
    });

  db.command('show')
    .description('Liệt kê migration và trạng thái')
    .action(async () => {
      await withDatabase(false, async (runtime) => {
        const applied: { name: string }[] = await runtime.dataSource
          .query('SELECT name FROM schema_migration ORDER BY id')
          .catch(() => []);
        const done = new Set(applied.map((m) => m.name));
        for (const m of runtime.dataSource.migrations) {
          process.stdout.write(`${done.has(m.name ?? '') ? '[x]' : '[ ]'} ${m.name}\n`);
        }
      });
    });
}
