import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from './shared-dir';

/** PDFs written by other libraries (pyHanko's test data), beside the project at ../shared. */
export const SHARED_PDF_DIR = join(SHARED_DIR, 'fixtures', 'pdf');

export const SHARED_PDFS = {
  minimal: 'pyhanko-minimal.pdf',
  xrefStream: 'pyhanko-minimal-xref.pdf',
  hybrid: 'pyhanko-minimal-hybrid-xref-mswordstyle.pdf',
  objectStreams: 'pyhanko-uncompressed-objstream-sample.pdf',
  twoPages: 'pyhanko-minimal-two-pages.pdf',
  encrypted: 'pyhanko-minimal-aes256.pdf',
  signedTwice: 'pyhanko-minimal-two-fields-signed-twice.pdf',
  padesLta: 'pyhanko-pades-lta-dss-indirect-arrs-test.pdf',
} as const;

export function sharedPdf(name: keyof typeof SHARED_PDFS): Buffer {
  return readFileSync(join(SHARED_PDF_DIR, SHARED_PDFS[name]));
}
