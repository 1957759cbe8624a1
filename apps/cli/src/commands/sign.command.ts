import { isAppException } from '@vanthu/shared';
import {
  HttpTimestampAuthority,
  loadPkcs12,
  signPdf,
  type PagePlacement,
  type PdfSignRequest,
} from '@vanthu/signing';
import type { Command } from 'commander';
import { passphrase, readInput, usage, writeAtomically } from '../cli-io';

interface SignOptions {
  in: string;
  out: string;
  p12: string;
  passwordEnv?: string;
  passwordFile?: string;
  role: string;
  image?: string;
  page?: string;
  rect?: string;
  number?: string;
  notation?: string;
  date?: string;
  orgName?: string;
  copyType?: string;
  signerName?: string;
  sealMm?: string;
  numberRect?: string;
  dateRect?: string;
  place?: string;
  tsa?: string;
}

const ROLES = ['personal', 'organisation', 'attachment', 'copy'] as const;
const COPY_TYPES = ['sao-y', 'sao-luc', 'trich-sao'] as const;

function parseRect(value: string, option: string, page: number): PagePlacement {
  const parts = value.split(',').map((v) => Number(v.trim()));
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v)))
    throw usage(`${option} phải có dạng x,y,w,h (điểm PDF): ${value}`);
  const [x, y, width, height] = parts;
  return { page, rect: { x, y, width, height } };
}

function pageNumber(options: SignOptions): number {
  const page = options.page === undefined ? 1 : Number(options.page);
  if (!Number.isInteger(page) || page < 1) throw usage(`--page phải là số trang từ 1: ${options.page}`);
  return page;
}

function placement(options: SignOptions): PagePlacement | undefined {
  if (options.rect === undefined) {
    if (options.page !== undefined) throw usage('--page cần đi cùng --rect x,y,w,h');
    return undefined;
  }
  return parseRect(options.rect, '--rect', pageNumber(options));
}

function required(value: string | undefined, option: string, role: string): string {
  if (value === undefined || value.trim() === '') throw usage(`vai trò ${role} cần ${option}`);
  return value;
}

async function buildRequest(
  options: SignOptions,
  base: Pick<PdfSignRequest, 'identity' | 'timestampAuthority'>,
): Promise<PdfSignRequest> {
  const where = placement(options);
  const image = options.image === undefined ? undefined : await readInput(options.image, 'ảnh PNG');
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date))
    throw usage(`--date phải có dạng YYYY-MM-DD: ${options.date}`);
  switch (options.role) {
    case 'personal':
      return { ...base, role: 'personal', image, placement: where, signerName: options.signerName };
    case 'organisation': {
      const sealMm = options.sealMm === undefined ? undefined : Number(options.sealMm);
      if (sealMm !== undefined && !(sealMm > 0)) throw usage(`--seal-mm phải là số dương: ${options.sealMm}`);
      return {
        ...base,
        role: 'organisation',
        number: required(options.number, '--number', 'organisation'),
        notation: required(options.notation, '--notation', 'organisation'),
        date: options.date,
        sealImage:
          image ??
          (await readInput(required(options.image, '--image (ảnh con dấu)', 'organisation'), 'ảnh con dấu')),
        sealDiameterMm: sealMm,
        sealPlacement: where,
        numberPlacement:
          options.numberRect === undefined ? undefined : parseRect(options.numberRect, '--number-rect', 1),
        datePlacement:
          options.dateRect === undefined ? undefined : parseRect(options.dateRect, '--date-rect', 1),
        placeName: options.place,
      };
    }
    case 'attachment':
      return {
        ...base,
        role: 'attachment',
        number: required(options.number, '--number', 'attachment'),
        notation: required(options.notation, '--notation', 'attachment'),
        organisationName: required(options.orgName, '--org-name', 'attachment'),
        placement: where,
      };
    case 'copy': {
      const copyType = required(options.copyType, '--copy-type', 'copy');
      if (!(COPY_TYPES as readonly string[]).includes(copyType))
        throw usage(`--copy-type phải là một trong ${COPY_TYPES.join(', ')}`);
      return {
        ...base,
        role: 'copy',
        copyType: copyType as (typeof COPY_TYPES)[number],
        organisationName: required(options.orgName, '--org-name', 'copy'),
        number: options.number,
        notation: options.notation,
        placement: where,
      };
    }
    default:
      throw usage(`--role phải là một trong ${ROLES.join(', ')}`);
  }
}

/**
 * `vanthu sign --in IN --out OUT --p12 FILE (--password-env VAR | --password-file F) --role ROLE …`:
 * appends a PAdES signature as the leader (personal), the clerk (organisation: number, date, seal),
 * on an attachment, or on an electronic copy. Placement is automatic unless --rect is given.
 * Exit 0 when signed; 1 on a signing error (code and Vietnamese message on stderr); 2 on usage
 * errors or unreadable input. Nothing is written unless signing succeeded.
 */
export function registerSignCommand(
  program: Command,
  // The variable the user names with --password-env is read at the CLI's edge, like argv; it is no
  // configuration of vanthu, so it does not belong to libs/config.
  // eslint-disable-next-line no-restricted-syntax
  env: NodeJS.ProcessEnv = process.env,
): void {
  program
    .command('sign')
    .description('Ký số tệp PDF (PAdES) với vai trò cá nhân, cơ quan, phụ lục hoặc bản sao')
    .requiredOption('--in <file>', 'tệp PDF cần ký')
    .requiredOption('--out <file>', 'tệp PDF đã ký (chỉ được ghi khi ký thành công)')
    .requiredOption('--p12 <file>', 'tệp khóa PKCS#12 (.p12/.pfx)')
    .option('--password-env <var>', 'tên biến môi trường chứa mật khẩu tệp .p12')
    .option('--password-file <file>', 'tệp chứa mật khẩu tệp .p12 (dòng đầu)')
    .requiredOption('--role <role>', `vai trò ký: ${ROLES.join(' | ')}`)
    .option('--image <png>', 'ảnh chữ ký (personal) hoặc ảnh con dấu (organisation), PNG nền trong suốt')
    .option('--page <n>', 'trang đặt chữ ký (từ 1), dùng với --rect')
    .option(
      '--rect <x,y,w,h>',
      'vị trí (điểm PDF, từ góc dưới trái của trang): ảnh chữ ký (personal), con dấu khi chưa có chữ ký cá nhân (organisation), góc trên trái khối chữ (attachment, copy)',
    )
    .option(
      '--number-rect <x,y,w,h>',
      'vị trí số, ký hiệu trên trang 1 khi không tự tìm được dòng "Số:" (organisation)',
    )
    .option(
      '--date-rect <x,y,w,h>',
      'vị trí ngày tháng trên trang 1 khi không tự tìm được dòng ngày tháng (organisation)',
    )
    .option('--place <name>', 'địa danh ghi trước ngày tháng khi dùng --date-rect, ví dụ "Ea H\'Leo"')
    .option('--number <n>', 'số văn bản')
    .option('--notation <text>', 'ký hiệu văn bản, ví dụ QĐ-UBND')
    .option('--date <YYYY-MM-DD>', 'ngày ban hành (mặc định: ngày ký theo giờ Việt Nam)')
    .option('--org-name <name>', 'tên cơ quan, tổ chức')
    .option('--copy-type <type>', `loại bản sao: ${COPY_TYPES.join(' | ')}`)
    .option('--signer-name <name>', 'họ tên người ký in trên văn bản (mặc định: tên trong chứng thư)')
    .option('--seal-mm <mm>', 'đường kính con dấu, mm (mặc định 36)')
    .option('--tsa <url>', 'địa chỉ máy chủ cấp dấu thời gian (RFC 3161) để ký PAdES B-T')
    .action(async (options: SignOptions) => {
      if (!(ROLES as readonly string[]).includes(options.role))
        throw usage(`--role phải là một trong ${ROLES.join(', ')}`);
      const input = await readInput(options.in, 'tệp PDF');
      const p12 = await readInput(options.p12, 'tệp .p12');
      const secret = await passphrase(options, env);
      if (options.tsa !== undefined && !URL.canParse(options.tsa))
        throw usage(`--tsa không phải địa chỉ URL: ${options.tsa}`);
      let output: Buffer;
      try {
        const identity = loadPkcs12(p12, secret);
        const timestampAuthority = options.tsa ? new HttpTimestampAuthority({ url: options.tsa }) : undefined;
        output = await signPdf(input, await buildRequest(options, { identity, timestampAuthority }));
      } catch (error) {
        if (isAppException(error))
          throw Object.assign(new Error(`${error.code}: ${error.message}`), { exitCode: 1 });
        throw error;
      }
      await writeAtomically(options.out, output);
      process.stdout.write(`Đã ký ${options.in} (${options.role}) → ${options.out}\n`);
    });
}
