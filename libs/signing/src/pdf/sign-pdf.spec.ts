import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { sharedPdf } from '../../test-fixtures/shared-fixtures';
import { TimestampAuthority } from '../tsa/timestamp-authority';
import { openPdfDocument } from './document/pdf-document';
import { PdfDict, PdfString, isName } from './io/pdf-objects';
import { decodeTextString } from './io/pdf-text';
import { signPdf } from './sign-pdf';

let pki: TestPki;

beforeAll(async () => {
  pki = await getTestPki();
});

/** The newest signature dictionary of a signed file, and the raw /ByteRange and /Contents text. */
function lastSignature(pdf: Buffer): {
  sig: PdfDict;
  range: number[];
  contentsHex: string;
  acroForm: PdfDict;
} {
  const doc = openPdfDocument(pdf);
  const widget = doc.form.signatureWidgets[doc.form.signatureWidgets.length - 1];
  const fields = doc.reader.array(doc.acroForm!.get('Fields'))!;
  const field = doc.reader.dict(fields[fields.length - 1])!;
  expect(decodeTextString((doc.reader.resolve(field.get('T')) as PdfString).bytes)).toBe(widget.fieldName);
  const sig = doc.reader.dict(field.get('V'))!;
  const range = (doc.reader.array(sig.get('ByteRange')) as number[]).slice();
  const contentsHex = pdf.toString('latin1', range[1] + 1, range[2] - 1);
  return { sig, range, contentsHex, acroForm: doc.acroForm! };
}

describe('signPdf structure', () => {
  it('writes a PAdES signature dictionary with /M in Vietnam time and sets /SigFlags 3', async () => {
    const input = sharedPdf('minimal');
    // a minute ago in whole seconds: inside the test PKI's validity however old its cache is
    const signingTime = new Date(Math.floor((Date.now() - 60_000) / 1000) * 1000);
    const vietnam = new Date(signingTime.getTime() + 7 * 3_600_000)
      .toISOString()
      .replace(/\D/g, '')
      .slice(0, 14);
    const output = await signPdf(input, {
      role: 'personal',
      identity: pki.people[0].identity,
      signingTime,
    });
    const { sig, range, contentsHex, acroForm } = lastSignature(output);
    expect(isName(sig.get('Filter'), 'Adobe.PPKLite')).toBe(true);
    expect(isName(sig.get('SubFilter'), 'ETSI.CAdES.detached')).toBe(true);
    expect((sig.get('M') as PdfString).bytes.toString('latin1')).toBe(`D:${vietnam}+07'00'`);
    expect(acroForm.get('SigFlags')).toBe(3);
    // the ranges cover the whole file except the /Contents hex string, brackets included
    expect(range[0]).toBe(0);
    expect(output[range[1]]).toBe(0x3c);
    expect(output[range[2] - 1]).toBe(0x3e);
    expect(range[2] + range[3]).toBe(output.length);
    expect(contentsHex).toMatch(/^30[0-9a-f]+0*$/);
  });

  it('reserves room for a timestamp when a timestamp authority is given', async () => {
    const input = sharedPdf('minimal');
    const plain = lastSignature(await signPdf(input, { role: 'personal', identity: pki.people[0].identity }));
    // A TSA whose token is a large opaque blob; the CMS layer embeds it unparsed.
    class BulkyTsa extends TimestampAuthority {
      async timestamp(): Promise<Buffer> {
        return Buffer.concat([Buffer.from([0x30, 0x82, 0x17, 0x70]), Buffer.alloc(6000, 1)]);
      }
    }
    const stamped = lastSignature(
      await signPdf(input, {
        role: 'personal',
        identity: pki.people[0].identity,
        timestampAuthority: new BulkyTsa(),
      }),
    );
    expect(stamped.contentsHex.length).toBeGreaterThan(plain.contentsHex.length + 2 * 6000);
    expect(stamped.contentsHex.replace(/0+$/, '').length).toBeGreaterThan(2 * 6000);
  });

  it('appends one revision per signature and numbers field names uniquely', async () => {
    const input = sharedPdf('twoPages');
    const first = await signPdf(input, { role: 'personal', identity: pki.people[0].identity });
    const second = await signPdf(first, { role: 'personal', identity: pki.people[1].identity });
    expect(second.subarray(0, first.length).equals(first)).toBe(true);
    expect((second.toString('latin1').match(/%%EOF/g) ?? []).length).toBe(
      (input.toString('latin1').match(/%%EOF/g) ?? []).length + 2,
    );
    const names = openPdfDocument(second).form.signatureWidgets.map((w) => w.fieldName);
    expect(names).toEqual(['PersonalSignature1', 'PersonalSignature2']);
  });
});
