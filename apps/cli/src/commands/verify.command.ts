import { readFile } from 'node:fs/promises';
import { isAppException } from '@vanthu/shared';
import { type SignatureReport, type VerificationReport, verifyPdf } from '@vanthu/signing';
import type { Command } from 'commander';

interface VerifyOptions {
  in: string;
  trust: string[];
  crl: string[];
  json?: boolean;
  fetchRevocation?: boolean;
}

const VERDICT_TEXT = {
  valid: 'HỢP LỆ',
  invalid: 'KHÔNG HỢP LỆ',
  indeterminate: 'CHƯA XÁC ĐỊNH',
  unsigned: 'KHÔNG CÓ CHỮ KÝ SỐ',
} as const;

const TIME_SOURCE_TEXT = {
  'signature-timestamp': 'theo dấu thời gian',
  'document-timestamp': 'theo dấu thời gian tài liệu',
  claimed: 'do người ký khai báo',
  'cms-signing-time': 'do người ký khai báo trong CMS',
  none: 'không có',
} as const;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `vanthu verify --in FILE [--trust PEM …] [--crl FILE …] [--json]`: exit 0 only when the file has
 * signatures and every one is valid (intact, trusted, valid and not revoked at signing time,
 * followed only by allowed changes); 1 otherwise; 2 for usage errors or input that cannot be read.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Kiểm tra các chữ ký số trong tệp PDF')
    .requiredOption('--in <file>', 'tệp PDF cần kiểm tra')
    .option('--trust <pem>', 'chứng thư gốc tin cậy (PEM hoặc DER), có thể lặp lại', collect, [])
    .option('--crl <file>', 'danh sách thu hồi chứng thư (CRL, DER hoặc PEM), có thể lặp lại', collect, [])
    .option('--fetch-revocation', 'tải CRL/OCSP theo địa chỉ ghi trong chứng thư (cần mạng)')
    .option('--json', 'in toàn bộ báo cáo dạng JSON')
    .action(async (options: VerifyOptions) => {
      const input = await readInput(options.in, 'tệp PDF');
      const trustAnchors = await Promise.all(options.trust.map((f) => readInput(f, 'chứng thư tin cậy')));
      const crls = await Promise.all(options.crl.map((f) => readInput(f, 'CRL')));
      let report: VerificationReport;
      try {
        report = await verifyPdf(input, {
          trustAnchors,
          crls,
          fetchRevocation: options.fetchRevocation === true,
        });
      } catch (error) {
        if (isAppException(error))
          throw Object.assign(new Error(`${error.message} (${error.code})`), { exitCode: 2 });
        throw error;
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : humanSummary(options.in, report),
      );
      process.exitCode = report.verdict === 'valid' ? 0 : 1;
    });
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw Object.assign(new Error(`không đọc được ${what}: ${path}`), { exitCode: 2 });
  }
}

function humanSummary(path: string, report: VerificationReport): string {
  const lines = [`Tệp ${path}: ${report.revisions} phiên bản, ${report.signatures.length} chữ ký số.`];
  for (const r of report.documentReasons) lines.push(`  ! ${r.message} (${r.code})`);
  const documentCodes = new Set(report.documentReasons.map((r) => r.code));
  for (const s of report.signatures) lines.push(...signatureLines(s, report.revisions, documentCodes));
  // the verdict is the signatures'; what the file also carries is said in the same line
  const active = report.activeContent.length > 0 ? ', NHƯNG CÓ NỘI DUNG CHỦ ĐỘNG (xem cảnh báo ở trên)' : '';
  lines.push(`Kết luận: tài liệu ${VERDICT_TEXT[report.verdict]}${active}.`);
  return `${lines.join('\n')}\n`;
}

/** `documentCodes`: the reasons already printed for the whole file, not repeated per signature */
function signatureLines(s: SignatureReport, revisions: number, documentCodes: ReadonlySet<string>): string[] {
  const what = s.type === 'document-timestamp' ? 'Dấu thời gian tài liệu' : 'Chữ ký';
  const lines = [`${what} ${s.index} (trường "${s.fieldName}"): ${VERDICT_TEXT[s.verdict]}`];
  if (s.signer) {
    const org = s.signer.organization ? ` — ${s.signer.organization}` : '';
    lines.push(
      `  Người ký: ${s.signer.commonName ?? s.signer.subject}${org}; số sê-ri ${s.signer.serialNumber}`,
    );
    lines.push(
      `  Cấp bởi: ${s.signer.issuer}; ${s.trusted ? 'chuỗi chứng thư tin cậy' : 'chuỗi chứng thư KHÔNG tin cậy'}`,
    );
  }
  const time = s.signingTime
    ? `${vietnamTime(s.signingTime)} (${TIME_SOURCE_TEXT[s.signingTimeSource]})`
    : 'không rõ';
  lines.push(`  Thời điểm ký: ${time}; định dạng ${s.subFilter}, mức ${s.level}`);
  lines.push(
    `  Phạm vi: ${s.intact ? 'nguyên vẹn' : 'BỊ THAY ĐỔI'}, phủ phiên bản ${s.coveredRevision ?? '?'}/${revisions}` +
      (s.revocation.status === 'good'
        ? '; chứng thư chưa bị thu hồi'
        : s.revocation.status === 'revoked'
          ? '; chứng thư ĐÃ BỊ THU HỒI'
          : ''),
  );
  const after = [...new Map(s.changesAfter.map((c) => [`${c.kind}`, c])).values()];
  if (after.length > 0) {
    lines.push('  Thay đổi sau khi ký:');
    for (const c of after)
      lines.push(`    - ${c.message.replace(/\.$/, '')} ${c.allowed ? '(được phép)' : '(KHÔNG được phép)'}`);
  }
  for (const r of s.reasons)
    if (r.severity !== 'info' && !documentCodes.has(r.code)) lines.push(`  ! ${r.message} (${r.code})`);
  return lines;
}

/** ISO 8601 in Vietnam time (UTC+7), as ND30 writes signing times */
function vietnamTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+07:00`;
}
