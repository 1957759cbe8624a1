import type { Command } from 'commander';
import { usage } from '../../cli-io';
import { collect, loadTrust, readPackageOrExit, type TrustOptions } from './edxml-cli';
import { signatureLines, VERDICT_TEXT } from './edxml-summary';

interface VerifyOptions extends TrustOptions {
  json?: boolean;
}

/**
 * `vanthu edxml verify FILE --trust PEM [--crl F]… [--fetch-revocation] [--json]`: exit 0 only when
 * the envelope is signed, intact, chains to a --trust root and is shown not revoked; 1 otherwise
 * (unsigned and legacy signatures included); 2 for usage errors or a package that cannot be read.
 */
export function registerEdxmlVerifyCommand(edxml: Command): void {
  edxml
    .command('verify')
    .description('Kiểm tra chữ ký số của gói tin edXML')
    .argument('<file>', 'tệp gói tin edXML')
    .option('--trust <pem>', 'chứng thư gốc tin cậy (PEM hoặc DER), có thể lặp lại', collect, [])
    .option('--crl <file>', 'danh sách thu hồi (CRL, DER hoặc PEM), có thể lặp lại', collect, [])
    .option('--fetch-revocation', 'tải CRL/OCSP theo địa chỉ ghi trong chứng thư (cần mạng)')
    .option('--json', 'in báo cáo chữ ký dạng JSON')
    .action(async (file: string, options: VerifyOptions) => {
      if (options.trust.length === 0) throw usage('cần ít nhất một --trust (chứng thư gốc tin cậy)');
      const parsed = await readPackageOrExit(file, await loadTrust(options));
      const s = parsed.signature;
      process.stdout.write(
        options.json
          ? `${JSON.stringify(s, null, 2)}\n`
          : [
              `Gói tin ${file}:`,
              ...signatureLines(s),
              `Kết luận: chữ ký gói tin ${VERDICT_TEXT[s.verdict]}.`,
              '',
            ].join('\n'),
      );
      process.exitCode = s.verdict === 'valid' ? 0 : 1;
    });
}
