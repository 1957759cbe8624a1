import type { ParsedAttachment, ParsedPackage } from '@vanthu/edxml';
import type { Command } from 'commander';
import { collect, loadTrust, readPackageOrExit, type TrustOptions } from './edxml-cli';
import { packageSummary } from './edxml-summary';

interface InspectOptions extends TrustOptions {
  json?: boolean;
}

/**
 * `vanthu edxml inspect FILE [--json] [--trust PEM]… [--crl F]…`: every field, each attachment with
 * name, types, size and SHA-256 after unwrapping, what was lenient, and the signature verdict
 * (without --trust a good signature is "indeterminate"). Exit 0 when the package could be read, 2
 * (with the stable code) when not.
 */
export function registerEdxmlInspectCommand(edxml: Command): void {
  edxml
    .command('inspect')
    .description('Xem toàn bộ thông tin của gói tin edXML')
    .argument('<file>', 'tệp gói tin edXML')
    .option('--json', 'in dạng JSON')
    .option('--trust <pem>', 'chứng thư gốc tin cậy để đánh giá chữ ký, có thể lặp lại', collect, [])
    .option('--crl <file>', 'danh sách thu hồi (CRL), có thể lặp lại', collect, [])
    .action(async (file: string, options: InspectOptions) => {
      const parsed = await readPackageOrExit(file, await loadTrust(options));
      process.stdout.write(
        options.json ? `${JSON.stringify(forJson(parsed), null, 2)}\n` : packageSummary(file, parsed),
      );
    });
}

/** The parsed package without attachment bytes (their size and SHA-256 stay). */
export function forJson(parsed: ParsedPackage): unknown {
  // the signer's certificate as base64 DER rather than a Buffer's JSON array of bytes
  const signature = {
    ...parsed.signature,
    signerCertificate: parsed.signature.signerCertificate?.toString('base64'),
  };
  const p = { ...parsed, signature };
  if (p.kind !== 'edoc') return p;
  const attachment = (a: ParsedAttachment): unknown => {
    const { bytes: _bytes, nested, ...rest } = a;
    return { ...rest, ...(nested ? { nested: forJson(nested) } : {}) };
  };
  return { ...p, attachments: p.attachments.map(attachment) };
}
