import { formatDemoLogins, SeedDemoWorldUseCase } from '@vanthu/demo';
import type { Command } from 'commander';
import { withAppContext } from '../cli-app-context';

/** `vanthu demo seed`: creates what is missing of the demo world; can reset the demo passwords. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Dữ liệu demo')
    .command('seed')
    .description('Tạo (bổ sung) cơ quan, đơn vị và tài khoản demo')
    .option(
      '--reset-passwords',
      'đặt lại mật khẩu mọi tài khoản demo (VANTHU_DEMO_PASSWORD, hoặc ngẫu nhiên)',
    )
    .action(async (options: { resetPasswords?: boolean }) => {
      await withAppContext(async (context, config) => {
        const result = await context.get(SeedDemoWorldUseCase).execute({
          password: config.demo.password,
          world: config.demo.world,
          resetPasswords: options.resetPasswords === true,
        });
        process.stdout.write(
          `Cơ quan: ${result.agencies.created} mới, ${result.agencies.updated} cập nhật; đơn vị mới: ${result.unitsCreated}\n`,
        );
        process.stdout.write(formatDemoLogins(result.logins, `http://localhost:${config.server.port}`));
      });
    });
}
