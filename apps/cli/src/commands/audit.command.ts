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
        process.stdout.write(
          `Nhật ký toàn vẹn: ${report.checked} bản ghi trong ${report.chains} chuỗi đã kiểm tra.\n`,
        );
      } else {
        const p = report.firstProblem!;
        // a missing row has no seq of its own: name its place in its chain instead
        const where =
          p.kind === 'MISSING_ROW'
            ? `vị trí ${p.expectedSeq} của chuỗi ${p.chain}`
            : `số thứ tự ${p.seq} (chuỗi ${p.chain})`;
        process.stdout.write(
          `Nhật ký KHÔNG toàn vẹn: ${PROBLEM_TEXT[p.kind]} tại ${where} (${p.kind}); ` +
            `${report.checked} bản ghi trước đó hợp lệ.\n`,
        );
      }
      process.exitCode = report.ok ? 0 : 1;
    });
}
