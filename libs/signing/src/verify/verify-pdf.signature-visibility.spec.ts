import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { issueTestDocument } from '../../test-fixtures/verify/issued-document';
import { dict, name, ref, withEntries } from '../../test-fixtures/verify/pdf-value-writer';
import { addSneakySignature, forgedAppearance } from '../../test-fixtures/verify/sneaky-signature';
import { PdfStream } from './pdf-reader/pdf-values';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerificationReport } from './verification-report';

const disallowed = (s: SignatureReport): string[] =>
  s.changesAfter.filter((c) => !c.allowed).map((c) => c.kind);

const withFilter = (s: PdfStream, filter: string): PdfStream =>
  new PdfStream(withEntries(s.dict, { Filter: name(filter) }), s.data);

/**
 * What "shows nothing" means for an unsigned signature field added after signing: only what every
 * viewer is certain to draw as nothing. Each case is one appended update to an issued document.
 */
describe('verifyPdf: when an added, unsigned signature field counts as visible', () => {
  let pki: TestPki;
  let issued: Buffer;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });

  beforeAll(async () => {
    pki = await getTestPki();
    ({ issued } = await issueTestDocument(pki));
  });

  it('empty signature fields that show nothing stay allowed (SIGNATURE_FIELD_ADDED)', async () => {
    const invisible: Array<[string, Parameters<typeof addSneakySignature>[1]]> = [
      [
        'zero-size, no appearance',
        { widget: () => ({ Rect: [0, 0, 0, 0], AP: undefined }), objects: () => [] },
      ],
      ['hidden (/F 2)', { widget: () => ({ F: 2 }) }],
      ['NoView without Print (/F 32)', { widget: () => ({ F: 32 }) }],
      [
        'an appearance of comments only',
        { objects: (n) => [[n + 1, forgedAppearance({ content: '% DSBlank\n' })]] },
      ],
      ['zero-size with a box of some area', { widget: () => ({ Rect: [300, 400, 300, 400] }) }],
    ];
    for (const [what, options] of invisible) {
      const report = await verify(addSneakySignature(issued, options));
      const added = report.signatures[0].changesAfter.filter((c) => c.revision === 4);
      expect([what, report.verdict, added.map((c) => [c.kind, c.allowed])]).toEqual([
        what,
        'valid',
        [['SIGNATURE_FIELD_ADDED', true]],
      ]);
    }
  });

  it('refused however the appearance is dressed up to look invisible', async () => {
    const visible: Array<[string, Parameters<typeof addSneakySignature>[1]]> = [
      ['a 1×1 rect', { widget: () => ({ Rect: [300, 660, 301, 661] }) }],
      ['NoView but printed (/F 36)', { widget: () => ({ F: 36 }) }],
      ['NoView shown on hover (ToggleNoView, /F 288)', { widget: () => ({ F: 288 }) }],
      [
        'an empty /N and the forgery as the rollover appearance /R',
        {
          widget: (n) => ({ AP: dict({ N: ref(n + 2), R: ref(n + 1) }) }),
          objects: (n) => [
            [n + 1, forgedAppearance()],
            [n + 2, forgedAppearance({ content: '' })],
          ],
        },
      ],
      [
        'the forgery as the /On state while /AS selects an empty /Off',
        {
          widget: (n) => ({ AS: name('Off'), AP: dict({ N: dict({ Off: ref(n + 2), On: ref(n + 1) }) }) }),
          objects: (n) => [
            [n + 1, forgedAppearance()],
            [n + 2, forgedAppearance({ content: '' })],
          ],
        },
      ],
      [
        'no appearance but a white /MK background',
        { widget: () => ({ AP: undefined, MK: dict({ BG: [1] }) }), objects: () => [] },
      ],
      [
        'a zero-size rect and a box without area, drawn unscaled by pdf.js',
        {
          widget: () => ({ Rect: [60, 650, 60, 650] }),
          objects: (n) => [[n + 1, forgedAppearance({ bbox: [0, 0, 0, 0] })]],
        },
      ],
      [
        'a zero-size rect and a /Matrix that flattens the box',
        {
          widget: () => ({ Rect: [60, 650, 60, 650] }),
          objects: (n) => [[n + 1, forgedAppearance({ matrix: [0, 0, 0, 0, 0, 0] })]],
        },
      ],
      [
        'an appearance in a filter the verifier does not read',
        { objects: (n) => [[n + 1, withFilter(forgedAppearance(), 'LZWDecode')]] },
      ],
    ];
    for (const [what, options] of visible) {
      const report = await verify(addSneakySignature(issued, options));
      expect([what, report.verdict, disallowed(report.signatures[0])]).toEqual([
        what,
        'invalid',
        ['UNSIGNED_SIGNATURE_APPEARANCE'],
      ]);
    }
  });
});
