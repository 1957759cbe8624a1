import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEMO_NETWORK_PKI_WORLD, demoWorld } from '@vanthu/demo';
import { generateDemoPki, type DemoPkiFileKind } from '@vanthu/signing';
import type { Command } from 'commander';

const KIND_TEXT: Record<DemoPkiFileKind, string> = {
  'root-ca-certificate': 'chứng thư CA gốc',
  'issuing-ca-certificate': 'chứng thư CA cấp phát',
  'issuing-ca-pkcs12': 'khóa CA cấp phát (.p12, để cấp định danh liên thông)',
  'root-ca-crl': 'CRL của CA gốc',
  'issuing-ca-crl': 'CRL của CA cấp phát',
  'tsa-certificate': 'chứng thư TSA',
  'tsa-pkcs12': 'khóa TSA (.p12)',
  'organisation-pkcs12': 'khóa cơ quan (.p12)',
  'personal-pkcs12': 'khóa cá nhân (.p12)',
  'ec-personal-pkcs12': 'khóa cá nhân ECDSA (.p12)',
  'expired-pkcs12': 'khóa đã hết hạn (.p12, để thử)',
  'revoked-pkcs12': 'khóa đã bị thu hồi (.p12, để thử)',
  'signature-image': 'ảnh chữ ký (PNG)',
  'seal-image': 'ảnh con dấu (PNG)',
};

/** `vanthu pki demo --out DIR`: a complete demo PKI for the demo agencies and their leaders. */
export function registerPkiDemoCommand(program: Command): void {
  const pki =
    program.commands.find((command) => command.name() === 'pki') ??
    program.command('pki').description('Hạ tầng khóa công khai (PKI)');
  pki
    .command('demo')
    .description('Sinh PKI demo: CA, CRL, TSA, khóa cơ quan và cá nhân (.p12), ảnh chữ ký và con dấu')
    .requiredOption('--out <dir>', 'thư mục đầu ra (phải rỗng, trừ khi có --force)')
    .option('--force', 'cho phép ghi vào thư mục đã có tệp')
    .option(
      '--world <world>',
      "district (huyện Ea H'Leo và các xã), central (Văn phòng Chính phủ) hoặc network (tất cả: một PKI dùng chung cho mạng demo)",
      'district',
    )
    .action(async (options: { out: string; force?: boolean; world: string }) => {
      if (!['district', 'central', 'network'].includes(options.world))
        throw Object.assign(new Error(`--world phải là district, central hoặc network`), { exitCode: 2 });
      const outDir = resolve(options.out);
      const existing = await readdir(outDir).catch(() => [] as string[]);
      if (existing.length > 0 && !options.force) {
        throw Object.assign(new Error(`thư mục ${outDir} không rỗng (dùng --force để ghi đè)`), {
          exitCode: 2,
        });
      }
      const world =
        options.world === 'network'
          ? DEMO_NETWORK_PKI_WORLD
          : demoWorld(options.world as 'district' | 'central').pki;
      const manifest = await generateDemoPki({
        outDir,
        organisations: world.organisations,
        people: world.people,
      });
      const counts = new Map<DemoPkiFileKind, number>();
      for (const file of manifest.files) counts.set(file.kind, (counts.get(file.kind) ?? 0) + 1);
      const lines = [
        `Đã sinh PKI demo tại ${outDir}`,
        `  ${world.organisations.length} cơ quan, ${world.people.length} người ký, ${manifest.files.length} tệp:`,
        ...[...counts].map(([kind, count]) => `  - ${KIND_TEXT[kind]}: ${count}`),
        `Danh mục tệp và mật khẩu các tệp .p12: ${join(outDir, 'manifest.json')}`,
        'Chỉ dùng để trình diễn và kiểm thử: mọi khóa và mật khẩu đều công khai.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
