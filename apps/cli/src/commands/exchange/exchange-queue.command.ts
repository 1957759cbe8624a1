import { ExchangeOverviewUseCase, type ExchangeOverview, ResendDeliveryUseCase } from '@vanthu/exchange';
import { isAppException, isUuid } from '@vanthu/shared';
import type { Command } from 'commander';
import { withAppContext } from '../../cli-app-context';
import { negative, usage } from '../../cli-io';

const STATE_TEXT: Record<string, string> = {
  queued: 'chờ gửi',
  sending: 'đang gửi',
  sent: 'đã gửi',
  rejected: 'bị từ chối',
  dead: 'quá hạn (dead)',
  received: 'chờ xử lý',
  processed: 'đã xử lý',
  held: 'chờ văn bản gốc',
  forwarded: 'đã chuyển tiếp',
};

const counts = (byState: Record<string, number>) =>
  Object.entries(byState)
    .map(([state, n]) => `${STATE_TEXT[state] ?? state}: ${n}`)
    .join(', ') || 'không có';

function peerLines(o: ExchangeOverview): string[] {
  const lines = o.peers.map(
    (p) =>
      `  ${p.name} (${p.role === 'hub' ? 'trục' : 'nút'}${p.enabled ? '' : ', không dùng'}) ${p.url ?? '(không có địa chỉ: tự lấy thư)'}` +
      `${p.poll ? ', hệ thống này lấy thư từ trục' : ''}; mạch ${p.circuit === 'open' ? `MỞ, thử lại lúc ${p.probeAt}` : 'đóng'}` +
      `${p.failures ? `, ${p.failures} lỗi liên tiếp` : ''}${p.lastError ? ` (${p.lastError})` : ''}`,
  );
  const routes = Object.entries(o.routes).map(([code, peer]) => `  ${code} → ${peer}`);
  return [
    'Hệ thống liên thông:',
    ...(lines.length ? lines : ['  (chưa cấu hình)']),
    'Tuyến:',
    ...(routes.length ? routes : ['  (không có)']),
  ];
}

/** `vanthu exchange status`, `peers` and `resend <deliveryId>`. */
export function registerExchangeQueueCommands(exchange: Command): void {
  exchange
    .command('status')
    .description('Định danh liên thông, hệ thống kết nối, hàng đợi gửi và nhận')
    .option('--json', 'in dạng JSON')
    .action(async (options: { json?: boolean }) => {
      const o = await withAppContext((context) => context.get(ExchangeOverviewUseCase).execute(), {
        exchange: true,
      });
      if (options.json) return void process.stdout.write(`${JSON.stringify(o, null, 2)}\n`);
      const id = o.identity;
      process.stdout.write(
        [
          id
            ? `Định danh: ${id.name} (${id.source === 'demo' ? 'demo' : 'nhập từ .p12'}), SHA-256 ${id.fingerprint}, cơ quan ${id.agencyCodes.join(', ') || '(trục: không có)'}, hết hạn ${id.notAfter}`
            : 'Định danh: CHƯA CÓ (vanthu exchange identity import)',
          `Gửi: ${counts(o.outbound)}`,
          `Nhận: ${counts(o.inbound)}`,
          `Hộp thư chờ lấy: ${o.mailboxWaiting}`,
          ...peerLines(o),
        ].join('\n') + '\n',
      );
    });

  exchange
    .command('peers')
    .description('Hệ thống liên thông đã cấu hình (tệp peers), trạng thái mạch và các tuyến')
    .option('--json', 'in dạng JSON')
    .action(async (options: { json?: boolean }) => {
      const o = await withAppContext((context) => context.get(ExchangeOverviewUseCase).execute(), {
        exchange: true,
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ peers: o.peers, routes: o.routes }, null, 2)}\n`
          : `${peerLines(o).join('\n')}\n`,
      );
    });

  exchange
    .command('resend')
    .description('Gửi lại một văn bản liên thông đã thất bại (giữ nguyên mã gói tin và nội dung đã lưu)')
    .argument('<deliveryId>', 'mã lượt gửi (= mã gói tin)')
    .action(async (deliveryId: string) => {
      if (!isUuid(deliveryId)) throw usage(`"${deliveryId.slice(0, 60)}" không phải là mã lượt gửi (UUID)`);
      try {
        const outcome = await withAppContext(
          (context) => context.get(ResendDeliveryUseCase).execute({ deliveryId: deliveryId.toLowerCase() }),
          { exchange: true },
        );
        process.stdout.write(
          outcome.action === 'requeued'
            ? `Đã xếp lại gói tin ${outcome.deliveryId} vào hàng đợi gửi (cùng mã gói tin, cùng nội dung).\n`
            : `Lượt gửi ${outcome.deliveryId} sẽ được lập gói tin lại và gửi.\n`,
        );
      } catch (error) {
        if (isAppException(error)) throw negative(`${error.message} (${error.code})`);
        throw error;
      }
    });
}
