import { AuditChainVerifier, AuditEventRepository } from '@vanthu/audit';
import type { Command } from 'commander';
import { withDatabase } from '../cli-database';

const PROBLEM_TEXT = {
  MISSING_ROW: 'thiếu bản ghi',
  TAMPERED_ROW: 'bản ghi bị sửa',
  BROKEN_LINK: 'chuỗi băm bị đứt',
} as const;

/** `vanthu audit verify`: walks the hash chain; exit 0 when intact, 1 at the first bad row. */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('Nhật ký kiểm toán')
    .command('verify')
    .description('Kiểm tra toàn vẹn chuỗi băm của nhật ký kiểm toán')
    .option('--json', 'in báo cáo dạng JSON')
    .action(async (options: { json?: boolean }) => {
      const report = await withDatabase(false, (runtime) =>
        new AuditChainVerifier(new AuditEventRepository(runtime.database)).verify(),
      );
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
      } else if (report.ok) {
        process.stdout.write(`Nhật ký toàn vẹn: ${report.checked} bản ghi đã kiểm tra.\n`);
      } else {
        const p = report.firstProblem!;
        const seq = p.kind === 'MISSING_ROW' ? p.expectedSeq : p.seq;
        process.stdout.write(
          `Nhật ký KHÔNG toàn vẹn: ${PROBLEM_TEXT[p.kind]} tại số thứ tự ${seq} (${p.kind}); ` +
            `${report.checked} bản ghi đầu hợp lệ.\n`,
        );
      }
      process.exitCode = report.ok ? 0 : 1;
    });
}
