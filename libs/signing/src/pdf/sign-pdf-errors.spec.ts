import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { sharedPdf } from '../../test-fixtures/shared-fixtures';
import { issueCertificate } from '../pki/certificate-builder';
import { IncrementalUpdate } from './io/incremental-update';
import { PdfDict, dict, name } from './io/pdf-objects';
import { PdfReader } from './io/pdf-reader';
import type { PdfSignRequest } from './pdf-sign-request';
import { signPdf } from './sign-pdf';

let pki: TestPki;
let signatureImage: Buffer;
let sealImage: Buffer;

beforeAll(async () => {
  pki = await getTestPki();
  signatureImage = readFileSync(pki.people[0].signatureImagePath);
  sealImage = readFileSync(pki.organisations[0].sealImagePath);
});

async function codeOf(input: Buffer, request: PdfSignRequest): Promise<string> {
  try {
    await signPdf(input, request);
  } catch (error) {
    return (error as { code?: string }).code ?? `not an AppException: ${String(error)}`;
  }
  return 'no error';
}

/** minimal.pdf certified with DocMDP P=1 (the signature itself is irrelevant to the refusal). */
function certifiedNoChanges(permission: number): Buffer {
  const input = sharedPdf('minimal');
  const reader = PdfReader.open(input);
  const update = new IncrementalUpdate(reader);
  const reference = dict({
    Type: name('SigRef'),
    TransformMethod: name('DocMDP'),
    TransformParams: dict({ Type: name('TransformParams'), P: permission, V: name('1.2') }),
  });
  const signature = update.add(
    dict({ Type: name('Sig'), Filter: name('Adobe.PPKLite'), Reference: [reference] }),
  );
  update.set(
    reader.rootRef,
    (reader.get(reader.rootRef) as PdfDict).clone().set('Perms', dict({ DocMDP: signature })),
  );
  return Buffer.concat([input, update.serialize().bytes]);
}

describe('signPdf errors (nothing is returned, the input is untouched)', () => {
  const personal = (extra: Partial<Extract<PdfSignRequest, { role: 'personal' }>> = {}): PdfSignRequest => ({
    role: 'personal',
    identity: pki.people[0].identity,
    ...extra,
  });

  it('PDF_NOT_PDF, PDF_MALFORMED and PDF_ENCRYPTED', async () => {
    expect(await codeOf(Buffer.from('GIF89a not a pdf'), personal())).toBe('PDF_NOT_PDF');
    const minimal = sharedPdf('minimal');
    expect(await codeOf(minimal.subarray(0, minimal.length - 200), personal())).toBe('PDF_MALFORMED');
    expect(await codeOf(sharedPdf('encrypted'), personal())).toBe('PDF_ENCRYPTED');
  });

  it('PDF_CERTIFIED_NO_CHANGES for DocMDP P=1, while P=2 allows signing', async () => {
    expect(await codeOf(certifiedNoChanges(1), personal())).toBe('PDF_CERTIFIED_NO_CHANGES');
    expect(await codeOf(certifiedNoChanges(2), personal())).toBe('no error');
  });

  it('IMAGE_NOT_PNG for a signature or seal image that is not a PNG', async () => {
    const jpegLike = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const placement = { page: 1, rect: { x: 10, y: 10, width: 100, height: 40 } };
    expect(await codeOf(sharedPdf('minimal'), personal({ image: jpegLike, placement }))).toBe(
      'IMAGE_NOT_PNG',
    );
    const brokenPng = Buffer.concat([signatureImage.subarray(0, 40), Buffer.alloc(40)]);
    expect(await codeOf(sharedPdf('minimal'), personal({ image: brokenPng, placement }))).toBe(
      'IMAGE_NOT_PNG',
    );
    const organisation: PdfSignRequest = {
      role: 'organisation',
      identity: pki.organisations[0].identity,
      number: 1,
      notation: 'QĐ-UBND',
      sealImage: jpegLike,
    };
    expect(await codeOf(sharedPdf('minimal'), organisation)).toBe('IMAGE_NOT_PNG');
  });

  it('IMAGE_TOO_LARGE for a signature or seal image over the pixel limits, read from its header', async () => {
    // an 8000 × 8000 header and no pixel data: refused before anything is decoded
    const huge = Buffer.concat([signatureImage.subarray(0, 33), Buffer.alloc(31)]);
    huge.writeUInt32BE(8000, 16);
    huge.writeUInt32BE(8000, 20);
    const placement = { page: 1, rect: { x: 10, y: 10, width: 100, height: 40 } };
    expect(await codeOf(sharedPdf('minimal'), personal({ image: huge, placement }))).toBe('IMAGE_TOO_LARGE');
    const organisation: PdfSignRequest = {
      role: 'organisation',
      identity: pki.organisations[0].identity,
      number: 1,
      notation: 'QĐ-UBND',
      sealImage: huge,
    };
    expect(await codeOf(sharedPdf('minimal'), organisation)).toBe('IMAGE_TOO_LARGE');
  });

  it('PLACEMENT_OFF_PAGE for a page that does not exist or a rectangle leaving the page', async () => {
    const minimal = sharedPdf('minimal'); // 300 × 144 points
    const rect = { x: 10, y: 10, width: 100, height: 40 };
    expect(await codeOf(minimal, personal({ image: signatureImage, placement: { page: 2, rect } }))).toBe(
      'PLACEMENT_OFF_PAGE',
    );
    expect(
      await codeOf(
        minimal,
        personal({ image: signatureImage, placement: { page: 1, rect: { ...rect, x: 250 } } }),
      ),
    ).toBe('PLACEMENT_OFF_PAGE');
    expect(
      await codeOf(
        minimal,
        personal({ image: signatureImage, placement: { page: 1, rect: { ...rect, height: 0 } } }),
      ),
    ).toBe('PLACEMENT_OFF_PAGE');
    expect(await codeOf(minimal, personal({ image: signatureImage, placement: { page: 1, rect } }))).toBe(
      'no error',
    );
  });

  it('PLACEMENT_NOT_FOUND when the signer block, "Số:" or date line cannot be found and no rectangle is given', async () => {
    const minimal = sharedPdf('minimal'); // "Hello World" only
    expect(await codeOf(minimal, personal({ image: signatureImage }))).toBe('PLACEMENT_NOT_FOUND');
    const organisation: PdfSignRequest = {
      role: 'organisation',
      identity: pki.organisations[0].identity,
      number: 12,
      notation: 'QĐ-UBND',
      sealImage,
    };
    expect(await codeOf(minimal, organisation)).toBe('PLACEMENT_NOT_FOUND');
  });

  it('SIGNATURE_PLACEHOLDER_TOO_SMALL when the CMS does not fit', async () => {
    expect(await codeOf(sharedPdf('minimal'), personal({ placeholderBytes: 512 }))).toBe(
      'SIGNATURE_PLACEHOLDER_TOO_SMALL',
    );
  });

  it('CERT_EXPIRED, CERT_NOT_YET_VALID and CERT_KEY_USAGE_INVALID from the certificate check', async () => {
    const minimal = sharedPdf('minimal');
    expect(await codeOf(minimal, { role: 'personal', identity: pki.expired.identity })).toBe('CERT_EXPIRED');
    expect(await codeOf(minimal, personal({ signingTime: new Date('2001-01-01T00:00:00Z') }))).toBe(
      'CERT_NOT_YET_VALID',
    );
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Date.now();
    const certificate = issueCertificate({
      subject: [['CN', 'Chỉ để mã hóa']],
      publicKey,
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 86_400_000),
      signer: { privateKey },
      keyUsage: ['keyEncipherment'],
    });
    expect(
      await codeOf(minimal, { role: 'personal', identity: { privateKey, certificate, chain: [] } }),
    ).toBe('CERT_KEY_USAGE_INVALID');
  });

  it('PDF_SIGN_REQUEST_INVALID for an impossible issue date', async () => {
    const organisation: PdfSignRequest = {
      role: 'organisation',
      identity: pki.organisations[0].identity,
      number: 12,
      notation: 'QĐ-UBND',
      date: '2026-02-30',
      sealImage,
    };
    expect(await codeOf(sharedPdf('minimal'), organisation)).toBe('PDF_SIGN_REQUEST_INVALID');
  });
});
