import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { pinFonts, TINOS, type PinnedFonts } from './pinned-fonts';

const run = promisify(execFile);
const TEMPLATE = join(__dirname, 'nd30-decision.fodt');
const CACHE = join(tmpdir(), 'vanthu-signing-fixtures');

export interface Nd30DocumentOptions {
  /** Articles of the body; 10 gives two A4 pages with the signer block on the second. */
  readonly articles?: number;
  /** The name line of the signer block. */
  readonly signerName?: string;
  /** Top margin of the page in centimetres (2 by default); the header starts there. */
  readonly topMarginCm?: number;
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

/** The decision as a flat ODF document, its text in "Times New Roman" (whatever stands in for it). */
export async function nd30Fodt(options: Nd30DocumentOptions = {}): Promise<string> {
  const articles = options.articles ?? 10;
  const template = await readFile(TEMPLATE, 'utf8');
  return template
    .replace('{{BODY}}', Array.from({ length: articles }, (_, i) => article(i + 1)).join('\n  '))
    .replace('{{SIGNER}}', options.signerName ?? ND30_SIGNER_NAME)
    .replace('fo:margin-top="2cm"', `fo:margin-top="${options.topMarginCm ?? 2}cm"`);
}

/**
 * Converts a flat ODF document to PDF with LibreOffice, seeing only the `fonts` given, once per
 * content and fonts: cached in the temp directory, so every test run and benchmark share it.
 */
export async function fodtToPdf(fodt: string, fonts: PinnedFonts): Promise<Buffer> {
  const key = createHash('sha256').update(fodt).update(fonts.key).digest('hex').slice(0, 16);
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
      { timeout: 120_000, env: fonts.env },
    );
    const pdf = await readFile(join(work, 'nd30.pdf'));
    await rename(join(work, 'nd30.pdf'), target);
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A realistic ND30 decision ("Số:      /QĐ-UBND", "Ea H'Leo, ngày      tháng      năm 2026",
 * signer block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / … / Nguyễn Văn An") converted to PDF by LibreOffice
 * with Tinos standing in for Times New Roman and no other font: the same PDF whatever fonts the
 * machine has besides (fonts-croscore must be installed).
 */
export async function nd30Pdf(options: Nd30DocumentOptions = {}): Promise<Buffer> {
  const fonts = await pinFonts([TINOS], { 'Times New Roman': TINOS.family, serif: TINOS.family });
  return fodtToPdf(await nd30Fodt(options), fonts);
}
