import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { getTestPki, type TestPki } from '@vanthu/test-kit';
import { nd30Pdf } from '../../test-fixtures/nd30-document';
import { verifyPdf } from '../verify/verify-pdf';

/**
 * The engine runs in a worker thread, as the server will use it to keep signing off the event loop:
 * the compiled lib (npm test builds dist/ first) is loaded inside a real Worker, which opens the
 * PKCS#12, signs personally and then as the organisation; the main thread verifies the result.
 */
const DIST_SIGNING = join(__dirname, '../../../../dist/libs/signing/src/index.js');

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const signing = require(workerData.lib);
(async () => {
  const leader = signing.loadPkcs12(readFileSync(workerData.leader.p12), workerData.leader.passphrase);
  const clerk = signing.loadPkcs12(readFileSync(workerData.clerk.p12), workerData.clerk.passphrase);
  const personal = await signing.signPdf(Buffer.from(workerData.pdf), {
    role: 'personal', identity: leader, image: readFileSync(workerData.signatureImage), signerName: workerData.signerName,
  });
  const issued = await signing.signPdf(personal, {
    role: 'organisation', identity: clerk, number: 7, notation: 'QĐ-UBND', date: '2026-11-25',
    sealImage: readFileSync(workerData.sealImage),
  });
  parentPort.postMessage(issued);
})().catch((error) => parentPort.postMessage({ error: String(error && error.message) }));
`;

describe('signPdf in a worker thread', () => {
  let pki: TestPki;
  beforeAll(async () => {
    if (!existsSync(DIST_SIGNING))
      throw new Error(`${DIST_SIGNING} missing: run "npm run build" (npm test does)`);
    pki = await getTestPki();
  });

  it('signs personally then as the organisation off the main thread, and both signatures verify', async () => {
    const leader = pki.people[0];
    const clerkOrg = pki.organisations[0];
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        lib: DIST_SIGNING,
        pdf: await nd30Pdf(),
        leader: { p12: leader.path, passphrase: leader.passphrase },
        clerk: { p12: clerkOrg.path, passphrase: clerkOrg.passphrase },
        signatureImage: leader.signatureImagePath,
        sealImage: clerkOrg.sealImagePath,
        signerName: leader.fullName,
      },
    });
    const result = await new Promise<Uint8Array | { error: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    if (!(result instanceof Uint8Array)) throw new Error(`worker failed: ${result.error}`);

    const report = await verifyPdf(Buffer.from(result), {
      trustAnchors: [pki.rootCertificate],
      crls: [readFileSync(pki.issuingCrlPath)],
    });
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(report.verdict).toBe('valid');
  }, 120_000);
});
