import { buildStatusPackage, isStatusCode, vietnamTimestamp, type EdxmlOrganization } from '@vanthu/edxml';
import { isAppException } from '@vanthu/shared';
import { loadPkcs12 } from '@vanthu/signing';
import type { Command } from 'commander';
import { passphrase, readInput, streamAtomically, usage } from '../../cli-io';
import { asCliError, readPackageOrExit } from './edxml-cli';

interface StatusOptions {
  for: string;
  code: string;
  description?: string;
  staff?: string;
  from?: string;
  to?: string;
  p12: string;
  passwordEnv?: string;
  passwordFile?: string;
  out: string;
}

/**
 * `vanthu edxml status --for PACKAGE --code 03 [--description …] --p12 … --out FILE`: a signed
 * status about a received package, from the recipient (the package's only To, or --from CODE). Code
 * 13 is the original sender asking for the document back: from the package's From, about the
 * recipient's copy (the only To, or --to CODE).
 */
export function registerEdxmlStatusCommand(edxml: Command, env: NodeJS.ProcessEnv): void {
  edxml
    .command('status')
    .description('Lập gói tin trạng thái edXML (01–06, 13, 15, 16) đã ký số về một gói tin văn bản')
    .requiredOption('--for <package>', 'gói tin văn bản mà trạng thái nói về')
    .requiredOption('--code <code>', 'mã trạng thái: 01 02 03 04 05 06 13 15 16')
    .option('--description <text>', 'mô tả, lý do')
    .option('--staff <name>', 'họ tên cán bộ xử lý')
    .option('--from <organId>', 'mã cơ quan báo trạng thái khi gói tin có nhiều nơi nhận')
    .option('--to <organId>', 'mã nơi nhận được đề nghị lấy lại (mã 13) khi gói tin có nhiều nơi nhận')
    .requiredOption('--p12 <file>', 'tệp khóa PKCS#12 của cơ quan')
    .option('--password-env <var>', 'tên biến môi trường chứa mật khẩu tệp .p12')
    .option('--password-file <file>', 'tệp chứa mật khẩu tệp .p12 (dòng đầu)')
    .requiredOption('--out <file>', 'tệp gói tin trạng thái')
    .action(async (options: StatusOptions) => {
      const statusCode = options.code;
      if (!isStatusCode(statusCode))
        throw usage(`--code phải là một trong 01 02 03 04 05 06 13 15 16: ${options.code}`);
      const parsed = await readPackageOrExit(options.for);
      if (parsed.kind !== 'edoc')
        throw usage(`--for phải là gói tin văn bản, không phải gói tin trạng thái: ${options.for}`);
      const h = parsed.header;
      const pick = (
        list: readonly EdxmlOrganization[],
        code: string | undefined,
        option: string,
      ): EdxmlOrganization => {
        if (code !== undefined) {
          const found = list.find((o) => o.organId === code);
          if (!found) throw usage(`${option} ${code} không có trong danh sách nơi nhận của gói tin`);
          return found;
        }
        if (list.length !== 1) throw usage(`gói tin có ${list.length} nơi nhận: cần ${option}`);
        return list[0];
      };
      const takeBack = options.code === '13';
      const from = takeBack ? h.from : pick(h.to, options.from, '--from');
      const about = takeBack ? pick(h.to, options.to, '--to') : h.from;
      const p12 = await readInput(options.p12, 'tệp .p12');
      const secret = await passphrase(options, env);
      const now = new Date();
      try {
        const identity = loadPkcs12(p12, secret);
        await streamAtomically(options.out, (out) =>
          buildStatusPackage(
            {
              responseFor: {
                organId: about.organId,
                code:
                  h.code.codeNumber && h.code.codeNotation
                    ? `${h.code.codeNumber}/${h.code.codeNotation}`
                    : undefined,
                promulgationDate: h.promulgationInfo.promulgationDate || undefined,
                documentId: h.documentId,
              },
              from: { organId: from.organId, organName: from.organName },
              statusCode,
              description: options.description,
              timestamp: vietnamTimestamp(now),
              staffInfo: options.staff ? { staff: options.staff } : undefined,
            },
            out,
            { signer: identity, now },
          ),
        );
        process.stdout.write(
          `Đã lập gói tin trạng thái ${options.code} về ${h.documentId}: ${options.out}\n`,
        );
      } catch (error) {
        if (isAppException(error) && error.code === 'EDXML_INVALID_INPUT') throw asCliError(error, 2);
        throw asCliError(error, 1);
      }
    });
}
