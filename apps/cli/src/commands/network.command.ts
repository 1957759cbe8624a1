import { resolve } from 'node:path';
import type { Command } from 'commander';
import { usage } from '../cli-io';
import { NetworkLauncher } from './network/network-launcher';
import { fourLevelPlan } from './network/network-plan';

interface NetworkDemoOptions {
  dir: string;
  port: string;
  pgPort: string;
  districtMode: string;
}

/** `vanthu network demo` (`npm run demo:network`): the four levels of the seed on this machine. */
export function registerNetworkCommand(program: Command): void {
  program
    .command('network')
    .description('Mạng liên thông văn bản')
    .command('demo')
    .description(
      'Chạy mạng liên thông 4 cấp trên máy này: trục quốc gia, trục tỉnh Đắk Lắk, nút huyện Ea H’Leo (và 12 xã), nút Văn phòng Chính phủ — mỗi hệ thống một tiến trình với PostgreSQL riêng',
    )
    .option('--dir <dir>', 'thư mục của mạng (mỗi hệ thống một thư mục con)', 'data/network')
    .option('--port <port>', 'cổng HTTP của hệ thống đầu tiên (các hệ thống sau: cổng kế tiếp)', '3100')
    .option(
      '--pg-port <port>',
      'cổng PostgreSQL nhúng của hệ thống đầu tiên (các hệ thống sau: kế tiếp)',
      '54400',
    )
    .option(
      '--district-mode <mode>',
      'nút huyện lấy văn bản từ trục tỉnh (poll) hay nhận trực tiếp (push)',
      'poll',
    )
    .action(async (options: NetworkDemoOptions) => {
      const plan = fourLevelPlan({ districtMode: districtMode(options.districtMode) });
      const count = plan.installations.length;
      const httpPorts = consecutive(options.port, count, '--port');
      const pgPorts = consecutive(options.pgPort, count, '--pg-port');
      const launcher = new NetworkLauncher({
        root: resolve(options.dir),
        plan,
        httpPorts,
        pgPorts,
        print: (text) => process.stdout.write(text),
      });
      const stopped = stopOnSignals(launcher);
      try {
        await launcher.start();
      } catch (error) {
        process.stderr.write(`vanthu: không khởi động được mạng demo: ${(error as Error).message}\n`);
        await launcher.stop();
        throw Object.assign(error as Error, { exitCode: (error as { exitCode?: number }).exitCode ?? 1 });
      }
      await stopped;
    });
}

/** Resolves once a signal stopped everything; the process then exits 0. */
function stopOnSignals(launcher: NetworkLauncher): Promise<void> {
  return new Promise((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stdout.write('Đang dừng, xin đợi các hệ thống đóng PostgreSQL của mình…\n');
        return;
      }
      stopping = true;
      process.stdout.write(`\nNhận ${signal}: dừng mọi hệ thống…\n`);
      launcher.stop().then(
        () => {
          process.stdout.write('Đã dừng mạng demo.\n');
          done();
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`Lỗi khi dừng: ${(error as Error).message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function districtMode(value: string): 'push' | 'poll' {
  if (value === 'push' || value === 'poll') return value;
  throw usage(`--district-mode phải là "poll" hoặc "push" (nhận được "${value}")`);
}

function consecutive(value: string, count: number, option: string): number[] {
  const base = Number(value);
  if (!Number.isInteger(base) || base < 1024 || base + count - 1 > 65535)
    throw usage(`${option} phải là số cổng từ 1024 đến ${65536 - count}`);
  return Array.from({ length: count }, (_, i) => base + i);
}
