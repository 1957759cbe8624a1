import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { withOpenActionScript } from '../../test-fixtures/verify/crafted-pdf';
import { signPdf } from '../pdf/sign-pdf';
import { verifyPdf } from './verify-pdf';
import type { VerificationReport } from './verification-report';

const FIXTURES = join(__dirname, '../../test-fixtures/verify');

describe('verifyPdf: active content is reported, the signature verdict stays the signature’s', () => {
  let pki: TestPki;
  let doc: Buffer;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });

  beforeAll(async () => {
    pki = await getTestPki();
    doc = readFileSync(join(FIXTURES, 'quyet-dinh-libreoffice.pdf'));
  });

  it('an unsigned document with a script is "unsigned" with the warning, not without a reason', async () => {
    const report = await verify(withOpenActionScript(doc));
    expect(report.verdict).toBe('unsigned');
    expect(report.activeContent.map((f) => f.kind)).toEqual(['JAVASCRIPT', 'OPEN_ACTION']);
    expect(report.documentReasons).toEqual([
      expect.objectContaining({
        code: 'ACTIVE_CONTENT',
        severity: 'warning',
        details: { kinds: ['JAVASCRIPT', 'OPEN_ACTION'] },
      }),
    ]);
    expect(report.documentReasons[0].message).toMatch(
      /^Phát hiện: mã JavaScript; hành động tự thực hiện khi mở/,
    );
  });

  it('a signed document with a script keeps its valid signature and carries the warning on it', async () => {
    const signed = await signPdf(withOpenActionScript(doc), {
      role: 'personal',
      identity: pki.people[0].identity,
    });
    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    // the script came in revision 2; the signature's revision 3 rewrote the catalog, /OpenAction kept
    expect(report.activeContent.map((f) => [f.kind, f.revisions])).toEqual([
      ['JAVASCRIPT', [2]],
      ['OPEN_ACTION', [2, 3]],
    ]);
    expect(report.signatures[0].reasons.map((r) => r.code)).toContain('ACTIVE_CONTENT');
  });

  it('a clean signed document has no finding and no warning', async () => {
    const report = await verify(await signPdf(doc, { role: 'personal', identity: pki.people[0].identity }));
    expect(report.verdict).toBe('valid');
    expect(report.activeContent).toEqual([]);
    expect(report.documentReasons).toEqual([]);
  });
});
