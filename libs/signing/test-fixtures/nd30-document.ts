import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TEMPLATE = join(__dirname, 'nd30-decision.fodt');
const CACHE = join(tmpdir(), 'vanthu-signing-fixtures');

export interface Nd30DocumentOptions {
  /** Articles of the body; 10 gives two A4 pages with the signer block on the second. */
  readonly articles?: number;
  /** The name line of the signer block. */
  readonly signerName?: string;
}

export const ND30_SIGNER_NAME = 'Nguyễn Văn An';

function article(n: number): string {
  return (
    `<text:p text:style-name="Body">Điều ${n}. Ủy ban nhân dân huyện Ea H'Leo quy định việc tiếp nhận, đăng ký, ` +
    'phân phối, giải quyết và lưu trữ văn bản điện tử giữa các cơ quan, đơn vị trên địa bàn huyện; mọi văn bản đi ' +
    'phải được ký số theo đúng quy định tại Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư, bảo đảm ' +
    'tính xác thực, toàn vẹn và chống chối bỏ.</text:p>'
  );
}

/**
 * A realistic ND30 decision ("Số:      /QĐ-UBND", "Ea H'Leo, ngày      tháng      năm 2026",
 * signer block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / … / Nguyễn Văn An") converted to PDF by LibreOffice
 * once and cached in the temp directory by content, so every test run and benchmark share it.
 */
export async function nd30Pdf(options: Nd30DocumentOptions = {}): Promise<Buffer> {
  const articles = options.articles ?? 10;
  const template = await readFile(TEMPLATE, 'utf8');
  const fodt = template
    .replace('{{BODY}}', Array.from({ length: articles }, (_, i) => article(i + 1)).join('\n  '))
    .replace('{{SIGNER}}', options.signerName ?? ND30_SIGNER_NAME);
  const key = createHash('sha256').update(fodt).digest('hex').slice(0, 16);
  const target = join(CACHE, `nd30-${key}.pdf`);
  const cached = await readFile(target).catch(() => undefined);
  if (cached) return cached;
  const work = join(CACHE, `work-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(work, { recursive: true });
  try {
    await writeFile(join(work, 'nd30.fodt'), fodt);
    // A private profile per conversion: concurrent soffice processes must not share one.
    const profile = pathToFileURL(join(work, 'profile')).href;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        join(work, 'nd30.fodt'),
      ],
      {
        timeout: 120_000,
      },
    );
    const pdf = await readFile(join(work, 'nd30.pdf'));
    await rename(join(work, 'nd30.pdf'), target);
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
