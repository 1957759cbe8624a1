import { resolve } from 'node:path';
import { demoIssuer, ExchangeIdentityStore, issueExchangeIdentity, readIdentityP12 } from '@vanthu/exchange';
import { isAppException, isValidAgencyCode } from '@vanthu/shared';
import { derToPem, writePkcs12 } from '@vanthu/signing';
import type { Command } from 'commander';
import { withAppContext } from '../../cli-app-context';
import { negative, readInput, usage, writeAtomically } from '../../cli-io';

const NAME = /^[a-z0-9][a-z0-9.-]{0,62}$/;

/** `vanthu exchange identity import | show | issue-demo`. */
export function registerExchangeIdentityCommands(exchange: Command): void {
  const identity = exchange
    .command('identity')
    .description('Định danh liên thông (khóa và chứng thư của hệ thống)');

  identity
    .command('import')
    .description('Nhập định danh liên thông từ tệp .p12 (khóa được mã hóa bằng khóa chính trước khi lưu)')
    .requiredOption('--p12 <file>', 'tệp PKCS#12')
    .requiredOption('--password-file <file>', 'tệp chứa mật khẩu của tệp .p12 (dòng đầu)')
    .action(async (options: { p12: string; passwordFile: string }) => {
      await readInput(options.p12, 'tệp .p12');
      await readInput(options.passwordFile, 'tệp mật khẩu');
      try {
        const loaded = await readIdentityP12(resolve(options.p12), resolve(options.passwordFile));
        const saved = await withAppContext(
          (context, config) =>
            context.get(ExchangeIdentityStore).save(config.exchange.name, loaded, 'import'),
          { exchange: true },
        );
        process.stdout.write(
          saved
            ? 'Đã nhập định danh liên thông. Khởi động lại máy chủ để dùng định danh mới.\n'
            : 'Định danh này đã đang được dùng; không có gì thay đổi.\n',
        );
      } catch (error) {
        if (isAppException(error)) throw negative(`${error.message} (${error.code})`);
        throw error;
      }
    });

  identity
    .command('show')
    .description('Định danh liên thông đang dùng')
    .option('--pem', 'in chứng thư dạng PEM (để đưa vào tệp peers của hệ thống khác)')
    .action(async (options: { pem?: boolean }) => {
      const summary = await withAppContext((context) => context.get(ExchangeIdentityStore).summary(), {
        exchange: true,
      });
      if (!summary) throw negative('Hệ thống chưa có định danh liên thông.');
      if (options.pem) return void process.stdout.write(derToPem(summary.certificate, 'CERTIFICATE'));
      process.stdout.write(
        `${summary.name}: SHA-256 ${summary.fingerprint}, cơ quan ${summary.agencyCodes.join(', ') || '(không có)'}, ` +
          `nguồn ${summary.source}, hết hạn ${summary.notAfter}\n`,
      );
    });

  identity
    .command('issue-demo')
    .description(
      'Cấp định danh liên thông demo từ CA của một PKI demo (vanthu pki demo), không cần cơ sở dữ liệu',
    )
    .requiredOption('--pki <dir>', 'thư mục PKI demo (có ca/issuing-ca.p12)')
    .requiredOption('--name <name>', 'tên hệ thống (VANTHU_EXCHANGE_NAME)')
    .option(
      '--agency <code>',
      'mã cơ quan cao nhất hệ thống phục vụ (lặp lại được)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .requiredOption('--out <file>', 'tệp .p12 đầu ra (chứng thư PEM ghi kèm: <file>.pem)')
    .requiredOption('--password-file <file>', 'tệp chứa mật khẩu cho tệp .p12 (dòng đầu)')
    .action(
      async (options: { pki: string; name: string; agency: string[]; out: string; passwordFile: string }) => {
        if (!NAME.test(options.name)) throw usage('--name chỉ gồm chữ thường, chữ số, "." và "-"');
        const bad = options.agency.find((c) => !isValidAgencyCode(c));
        if (bad) throw usage(`--agency "${bad}" không phải là mã định danh cơ quan`);
        const issuer = await demoIssuer(resolve(options.pki));
        if (!issuer)
          throw usage(`${options.pki} không phải là PKI demo có khóa CA cấp phát (ca/issuing-ca.p12)`);
        const password = (await readInput(options.passwordFile, 'tệp mật khẩu'))
          .toString('utf8')
          .split(/\r?\n/)[0];
        if (password.length < 8) throw usage('mật khẩu của tệp .p12 phải dài ít nhất 8 ký tự');
        const issued = issueExchangeIdentity({
          issuer: issuer.identity,
          name: options.name,
          agencyCodes: options.agency,
        });
        await writeAtomically(
          resolve(options.out),
          writePkcs12({ ...issued, chain: [...issued.chain], passphrase: password }),
        );
        await writeAtomically(
          `${resolve(options.out)}.pem`,
          Buffer.from(derToPem(issued.certificate, 'CERTIFICATE')),
        );
        process.stdout.write(`Đã cấp định danh ${options.name}: ${options.out} và ${options.out}.pem\n`);
      },
    );
}
