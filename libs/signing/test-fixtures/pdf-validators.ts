import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { SHARED_DIR } from './shared-dir';

/**
 * Independent validators for signed PDFs, run as external programs: poppler's pdfsig, qpdf, Apache
 * PDFBox (the shared peer) and OpenSSL. None of them shares code with the signer.
 */
const exec = promisify(execFile);
export const PDFBOX_RUN = join(SHARED_DIR, 'peers', 'pdfbox', 'run.sh');

async function run(
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export async function withTempFile<T>(bytes: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdf-check-'));
  try {
    const path = join(dir, 'file.pdf');
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PdfsigSignature {
  readonly fieldName: string;
  readonly validation: string;
}

/** pdfsig exits 0 even on a digest mismatch, so its text is parsed: one entry per signature. */
export async function pdfsig(path: string): Promise<PdfsigSignature[]> {
  const { stdout } = await run('pdfsig', [path]);
  return stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      fieldName: /Signature Field Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      validation:
        /Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ??
        (/not signed/.test(block) ? 'not signed' : 'unknown'),
    }));
}

/** qpdf --check: exit code and the lines that mention a problem. */
export async function qpdfCheck(
  path: string,
  options: string[] = [],
): Promise<{ code: number; problems: string[] }> {
  const { code, stdout, stderr } = await run('qpdf', [...options, '--check', path]);
  const boilerplate = /No syntax or stream encoding errors|errors that qpdf cannot detect/;
  const problems = `${stdout}\n${stderr}`
    .split('\n')
    .filter((l) => /warning|error|damaged|xref/i.test(l) && !boilerplate.test(l));
  return { code, problems };
}

/** PDFBox + BouncyCastle: exit 0 when every signature is valid; one line per signature. */
export async function pdfboxVerify(path: string): Promise<{ code: number; lines: string[] }> {
  const { code, stdout } = await run(PDFBOX_RUN, ['verify', path]);
  return { code, lines: stdout.split('\n').filter((l) => l.startsWith('sig ')) };
}

/** Every /ByteRange and its /Contents, located by text search (independently of our reader). */
export function signatureRanges(pdf: Buffer): { range: number[]; cms: Buffer }[] {
  const text = pdf.toString('latin1');
  const result: { range: number[]; cms: Buffer }[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number);
    const hex = text.slice(range[0] + range[1] + 1, range[2] - 1);
    const der = Buffer.from(hex, 'hex');
    // DER length of the outer SEQUENCE; the rest of the placeholder is zero padding.
    const lengthByte = der[1];
    const length =
      lengthByte < 0x80 ? 2 + lengthByte : 2 + (lengthByte & 0x7f) + der.readUIntBE(2, lengthByte & 0x7f);
    result.push({ range, cms: der.subarray(0, length) });
  }
  return result;
}

/** `openssl cms -verify` of one signature's CMS against its ByteRange bytes, chain to `caFile`. */
export async function opensslVerify(
  pdf: Buffer,
  index: number,
  caFile: string,
): Promise<{ code: number; output: string }> {
  const { range, cms } = signatureRanges(pdf)[index];
  const signed = Buffer.concat([
    pdf.subarray(range[0], range[0] + range[1]),
    pdf.subarray(range[2], range[2] + range[3]),
  ]);
  return opensslCmsVerify(cms, signed, caFile);
}

/** `openssl cms -verify -binary` of a detached DER CMS over `content`, chain to `caFile`. */
export async function opensslCmsVerify(
  cms: Buffer,
  content: Buffer,
  caFile: string,
): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-cms-'));
  try {
    await writeFile(join(dir, 'sig.der'), cms);
    await writeFile(join(dir, 'content.bin'), content);
    const { code, stdout, stderr } = await run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(dir, 'sig.der'),
      '-content',
      join(dir, 'content.bin'),
      '-CAfile',
      caFile,
      '-purpose',
      'any',
      '-out',
      join(dir, 'out.bin'),
    ]);
    return { code, output: `${stdout}${stderr}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `openssl cms -cmsout -print` of a DER CMS, to look at its attributes. */
export async function opensslPrint(cms: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-cms-'));
  try {
    await writeFile(join(dir, 'sig.der'), cms);
    const { stdout, stderr } = await run('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      join(dir, 'sig.der'),
    ]);
    return `${stdout}${stderr}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RenderedPage {
  readonly png: PNG;
  readonly dpi: number;
  /** PDF point → pixel, for a page whose visible area starts at (0, 0). */
  toPixel(x: number, y: number): [number, number];
}

/** pdftoppm at `dpi`; keeps the PNG at `keepAs` (test-artifacts) for people to look at. */
export async function renderPage(
  path: string,
  page: number,
  keepAs: string,
  dpi = 100,
): Promise<RenderedPage> {
  const prefix = keepAs.replace(/\.png$/, '');
  const { code, stderr } = await run('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    path,
    prefix,
  ]);
  if (code !== 0) throw new Error(`pdftoppm failed: ${stderr}`);
  const png = PNG.sync.read(await readFile(`${prefix}.png`));
  const scale = dpi / 72;
  return { png, dpi, toPixel: (x, y) => [Math.round(x * scale), Math.round(png.height - y * scale)] };
}

export type PixelClass = 'blue' | 'red';

const CLASSIFY: Record<PixelClass, (r: number, g: number, b: number) => boolean> = {
  blue: (r, g, b) => b > 110 && b - r > 60 && b - g > 40,
  red: (r, g, b) => r > 140 && r - g > 70 && r - b > 70,
};

/** Bounding box (pixels) of the pixels of one colour, and how many there are. */
export function colourBox(
  page: RenderedPage,
  colour: PixelClass,
): { count: number; x1: number; y1: number; x2: number; y2: number } {
  const { data, width, height } = page.png;
  let count = 0;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (!CLASSIFY[colour](data[i], data[i + 1], data[i + 2])) continue;
      count++;
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    }
  }
  return { count, x1, y1, x2, y2 };
}

/** `pdftotext -layout` of some pages. */
export async function pdftotext(path: string, first: number, last = first): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), path, '-']);
  return stdout;
}

export interface WordBox {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Word boxes from `pdftotext -bbox` (points, origin top-left), for independent geometry checks. */
export async function wordBoxes(path: string, page: number): Promise<WordBox[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-']);
  return [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    xMin: +m[1],
    yMin: +m[2],
    xMax: +m[3],
    yMax: +m[4],
    text: m[5]
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"'),
  }));
}

/**
 * Line boxes from `pdftotext -bbox-layout` (points, origin top-left), each with its words joined by
 * spaces. Poppler starts a new word where the font changes, so a word drawn in two fonts comes out
 * in pieces: compare lines with their spaces removed (`squeezed`) to find text whatever its fonts.
 */
export async function lineBoxes(path: string, page: number): Promise<(WordBox & { squeezed: string })[]> {
  const { stdout } = await run('pdftotext', [
    '-bbox-layout',
    '-f',
    String(page),
    '-l',
    String(page),
    path,
    '-',
  ]);
  const unescape = (text: string): string =>
    text
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [
    ...stdout.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    ),
  ].map((m) => {
    const text = [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(' ');
    return { xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text, squeezed: text.replace(/\s+/g, '') };
  });
}
