/**
 * Verification throughput: documents per second for `verifyPdf` (one thread, in process) on our own
 * signed outputs and on pyHanko's B-LTA file, and for poppler's `pdfsig` on the same files (one
 * process per document, which is how pdfsig is used). Prints one JSON line per measurement.
 * Seconds per measurement from argv[2] (default 5). `active_content_scan_*` is the part of
 * verifyPdf that looks for active content in every object (findActiveContent alone, same file), so
 * its share of a verification can be read off one run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signPdf } from '../libs/signing/src/pdf/sign-pdf';
import { findActiveContent, verifyPdf } from '../libs/signing/src/verify/verify-pdf';
import { getTestPki } from '../test/kit/test-pki';

const run = promisify(execFile);
// run from the repository root (npm run bench:*)
const ROOT = process.cwd();

async function measure(seconds: number, once: () => Promise<unknown>): Promise<number> {
  const warmEnd = Date.now() + Math.min(1000, seconds * 200);
  while (Date.now() < warmEnd) await once();
  let n = 0;
  const start = process.hrtime.bigint();
  const limit = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < limit) {
    await once();
    n++;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const pki = await getTestPki();
  const doc = await readFile(join(ROOT, 'libs/signing/test-fixtures/verify/quyet-dinh-libreoffice.pdf'));
  const leader = pki.people[0];
  const personal = await signPdf(doc, {
    role: 'personal',
    identity: leader.identity,
    image: await readFile(leader.signatureImagePath),
  });
  const org = pki.organisations[0];
  const both = await signPdf(personal, {
    role: 'organisation',
    identity: org.identity,
    number: 7,
    notation: 'QĐ-UBND',
    sealImage: await readFile(org.sealImagePath),
  });
  const lta = await readFile(
    join(ROOT, '../shared/fixtures/pdf/pyhanko-pades-lta-dss-indirect-arrs-test.pdf'),
  );
  const cases: Array<[string, Buffer]> = [
    ['personal', personal],
    ['personal_organisation', both],
    ['pyhanko_lta', lta],
  ];
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-bench-verify-'));
  try {
    for (const [name, pdf] of cases) {
      const options = { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] };
      const ours = await measure(seconds, () => verifyPdf(pdf, options));
      console.log(
        JSON.stringify({
          name: `verify_${name}_docs_per_s`,
          value: +ours.toFixed(1),
          unit: `docs/s (${pdf.length} bytes, 1 thread)`,
        }),
      );
      const scan = await measure(seconds, async () => findActiveContent(pdf));
      console.log(
        JSON.stringify({
          name: `active_content_scan_${name}_docs_per_s`,
          value: +scan.toFixed(1),
          unit: `docs/s (${pdf.length} bytes, 1 thread, part of verify_${name})`,
        }),
      );
      const path = join(dir, `${name}.pdf`);
      await writeFile(path, pdf);
      const peer = await measure(seconds, () => run('pdfsig', [path]).catch(() => undefined));
      console.log(
        JSON.stringify({
          name: `pdfsig_${name}_docs_per_s`,
          value: +peer.toFixed(1),
          unit: 'docs/s (one pdfsig process per document)',
        }),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
