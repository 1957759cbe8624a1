import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const A4 = [595.28, 841.89];

/**
 * A "scanned" PDF of about `megabytes` MB: one page per ~1 MB grey image of random bytes (as
 * incompressible as a real scan), written once into the temp directory and reused.
 */
export async function scannedPdf(megabytes = 50): Promise<string> {
  const path = join(tmpdir(), 'vanthu-bench', `scanned-${megabytes}mb.pdf`);
  if (existsSync(path)) return path;
  await mkdir(join(tmpdir(), 'vanthu-bench'), { recursive: true });
  const side = 1024;
  const pages = megabytes;
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Buffer | string): void => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (num: number, body: string, stream?: Buffer): void => {
    offsets[num] = length;
    push(`${num} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) {
    const page = 3 + i * 3;
    const content = Buffer.from(`q ${A4[0]} 0 0 ${A4[1]} 0 0 cm /Scan Do Q`, 'latin1');
    object(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << /XObject << /Scan ${page + 2} 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    object(page + 1, `<< /Length ${content.length} >>`, content);
    const image = randomBytes(side * side);
    object(
      page + 2,
      `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${image.length} >>`,
      image,
    );
  }
  const size = 3 + pages * 3;
  const xref = length;
  push(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let num = 1; num < size; num++) push(`${String(offsets[num]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const staging = `${path}.${process.pid}.tmp`;
  await writeFile(staging, Buffer.concat(parts));
  await rename(staging, path);
  return path;
}
