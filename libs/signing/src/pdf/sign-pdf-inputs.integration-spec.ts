import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { startTsaServer, type TsaServer } from '../../../../test/kit/tsa-server';
import { nd30Pdf } from '../../test-fixtures/nd30-document';
import {
  opensslPrint,
  opensslVerify,
  pdfboxVerify,
  pdfsig,
  qpdfCheck,
  signatureRanges,
  withTempFile,
} from '../../test-fixtures/pdf-validators';
import { sharedPdf, SHARED_PDFS } from '../../test-fixtures/shared-fixtures';
import { HttpTimestampAuthority } from '../tsa/http-timestamp-authority';
import { PdfReader } from './io/pdf-reader';
import { signPdf } from './sign-pdf';

let pki: TestPki;

beforeAll(async () => {
  pki = await getTestPki();
});

/**
 * Every independent check at once. Signatures present before ours must read exactly as they did
 * in the input (pdfsig cannot check pyHanko's document timestamp either way), ours must be valid.
 */
async function expectValid(output: Buffer, signatures: number, input?: Buffer): Promise<void> {
  const before = input ? await withTempFile(input, pdfsig) : [];
  const pdfboxBefore = input && before.length ? await withTempFile(input, pdfboxVerify) : { code: 0 };
  await withTempFile(output, async (path) => {
    const sig = await pdfsig(path);
    expect(sig.length).toBeGreaterThanOrEqual(signatures);
    sig.forEach((s, i) => {
      const expected = before[i]?.validation ?? 'Signature is Valid.';
      expect(`${s.fieldName}: ${s.validation}`).toBe(`${s.fieldName}: ${expected}`);
    });
    const qpdf = await qpdfCheck(path);
    expect(qpdf.problems).toEqual([]);
    expect(qpdf.code).toBe(0);
    // The PDFBox peer stops at a document timestamp (it is not CMS over the ranges); compare only
    // when it could read the input.
    if (pdfboxBefore.code === 0) {
      const box = await pdfboxVerify(path);
      expect(box.lines.length).toBe(signatures);
      expect(box.lines.every((l) => l.includes('valid=true'))).toBe(true);
      expect(box.code).toBe(0);
    }
  });
  const last = signatureRanges(output).length - 1;
  const openssl = await opensslVerify(output, last, pki.rootCertificatePath);
  expect(openssl.output).toContain('Verification successful');
}

type Fixture = keyof typeof SHARED_PDFS;
const INPUTS: [Fixture, 'table' | 'stream', number][] = [
  ['minimal', 'table', 0],
  ['xrefStream', 'stream', 0],
  ['hybrid', 'table', 0],
  ['objectStreams', 'stream', 0],
  ['twoPages', 'table', 0],
  ['signedTwice', 'stream', 2],
  ['padesLta', 'table', 2],
];

describe('signPdf on PDFs written by other tools', () => {
  it.each(INPUTS)(
    'signs %s incrementally (%s cross-reference after), earlier signatures stay valid',
    async (fixture, form, earlier) => {
      const input = sharedPdf(fixture);
      const output = await signPdf(input, { role: 'personal', identity: pki.people[0].identity });
      expect(output.subarray(0, input.length).equals(input)).toBe(true);
      const reader = PdfReader.open(output);
      expect(reader.xrefForm).toBe(form);
      expect(reader.startxref).toBeGreaterThan(input.length);
      await expectValid(output, earlier + 1, input);
    },
  );

  it('keeps a hybrid (Word-style) file readable by a reader that ignores cross-reference streams', async () => {
    const output = await signPdf(sharedPdf('hybrid'), { role: 'personal', identity: pki.people[0].identity });
    await withTempFile(output, async (path) => {
      const old = await qpdfCheck(path, ['--ignore-xref-streams']);
      expect(old.problems).toEqual([]);
      expect(old.code).toBe(0);
    });
  });

  it('gives every new signature a field name of its own, also on a file pyHanko signed twice', async () => {
    const once = await signPdf(sharedPdf('signedTwice'), {
      role: 'personal',
      identity: pki.people[0].identity,
    });
    const twice = await signPdf(once, { role: 'personal', identity: pki.people[1].identity });
    await withTempFile(twice, async (path) => {
      const names = (await pdfsig(path)).map((s) => s.fieldName);
      expect(names).toEqual(['Sig1', 'Sig2', 'PersonalSignature1', 'PersonalSignature2']);
    });
    await expectValid(twice, 4, sharedPdf('signedTwice'));
  });

  it('signs a LibreOffice document with a signature timestamp (PAdES B-T) from a TSA', async () => {
    const tsa: TsaServer = await startTsaServer({ identity: pki.tsa.identity });
    try {
      const input = await nd30Pdf();
      const output = await signPdf(input, {
        role: 'personal',
        identity: pki.people[0].identity,
        timestampAuthority: new HttpTimestampAuthority({ url: tsa.url }),
      });
      expect(tsa.requestCount).toBe(1);
      await expectValid(output, 1);
      const printed = await opensslPrint(signatureRanges(output)[0].cms);
      expect(printed).toMatch(/unsignedAttrs:[\s\S]*id-smime-aa-timeStampToken/);
      expect(printed).not.toContain('signingTime');
    } finally {
      await tsa.close();
    }
  });
});
