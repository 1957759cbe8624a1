import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_DIR } from '../shared-dir';

const run = promisify(execFile);
const PDFBOX = join(SHARED_DIR, 'peers/pdfbox/run.sh');

export interface PdfsigSignature {
  readonly validation: string;
  readonly totalDocumentSigned: boolean;
}

/** poppler's pdfsig verdict per signature ("Signature is Valid.", "Digest Mismatch.", …) */
export async function pdfsig(pdf: Buffer): Promise<PdfsigSignature[]> {
  return withTempFile(pdf, async (path) => {
    const { stdout } = await run('pdfsig', [path]).catch((e: { stdout?: string }) => ({
      stdout: e.stdout ?? '',
    }));
    return stdout
      .split(/^Signature #\d+:/m)
      .slice(1)
      .map((block) => ({
        validation: /Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
        totalDocumentSigned: /Total document signed/.test(block) && !/Not total document signed/.test(block),
      }));
  });
}

/** Apache PDFBox + BouncyCastle signs with adbe.pkcs7.detached as an independent implementation */
export async function pdfboxSign(pdf: Buffer, p12Path: string, passphrase: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdfbox-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('bash', [PDFBOX, 'sign', join(dir, 'in.pdf'), p12Path, passphrase, join(dir, 'out.pdf')], {
      timeout: 120_000,
    });
    return await readFile(join(dir, 'out.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withTempFile<T>(pdf: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-pdfsig-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    return await fn(join(dir, 'doc.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
