import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DerNode } from '../../asn1/der-node';
import { PdfFile, PdfFormatError } from './pdf-file';
import { PdfParser } from './pdf-parser';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, parsePdfDate } from './pdf-values';
import { SHARED_DIR } from '../../../test-fixtures/shared-dir';

const SHARED = join(SHARED_DIR, 'fixtures/pdf');
const open = (name: string): PdfFile => PdfFile.open(readFileSync(join(SHARED, name)));
const parse = (text: string) => new PdfParser(Buffer.from(text, 'latin1')).parseValue();

describe('PDF reader', () => {
  it('reads strings, names, numbers and references as ISO 32000 defines them', () => {
    const v = parse(
      '<< /A (x\\(y\\)\\101\\\nz) /B <48 65 6c6C 6F> /N#20m /x /R 12 0 R /I -3 /F .5 /Arr [5 6 7 8 0 R 9] /T true >>',
    ) as PdfDict;
    expect((v.get('A') as PdfString).text).toBe('x(y)Az');
    expect((v.get('B') as PdfString).text).toBe('Hello');
    expect(v.get('N m')).toBe(PdfName.of('x'));
    expect(v.get('R')).toEqual(new PdfRef(12, 0));
    expect([v.get('I'), v.get('F'), v.get('T')]).toEqual([-3, 0.5, true]);
    // a run of integers then "R": only the last two belong to the reference
    expect(v.get('Arr')).toEqual([5, 6, 7, new PdfRef(8, 0), 9]);
  });

  it('keeps the file position of a string, which the signature hole is checked against', () => {
    const s = new PdfParser(Buffer.from('<< /Contents <00ff> >>'), 0)
      .parseDict()
      .get('Contents') as PdfString;
    expect([s.start, s.end]).toEqual([13, 19]);
  });

  it('decodes UTF-16BE text strings (Vietnamese field names and reasons)', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Đóng dấu', 'utf16le').swap16()]);
    expect(new PdfString(bytes, true).text).toBe('Đóng dấu');
  });

  it('reads PDF dates with time zones', () => {
    expect(parsePdfDate("D:20261125091500+07'00'")?.toISOString()).toBe('2026-11-25T02:15:00.000Z');
    expect(parsePdfDate('D:20210104191151Z')?.toISOString()).toBe('2021-01-04T19:11:51.000Z');
  });

  it("finds revisions: a linearized file's first-page %%EOF is not one; incremental updates are", () => {
    expect(open('pyhanko-minimal-two-fields-signed-twice.pdf').revisions.map((r) => r.end)).toEqual([
      26384, 50827,
    ]);
    expect(open('pyhanko-pades-lta-dss-indirect-arrs-test.pdf').revisions.length).toBe(5);
  });

  it('resolves objects through cross-reference streams, hybrid files and object streams', () => {
    for (const name of [
      'pyhanko-minimal-xref.pdf',
      'pyhanko-minimal-hybrid-xref-mswordstyle.pdf',
      'pyhanko-uncompressed-objstream-sample.pdf',
    ]) {
      const rev = open(name).last;
      const pages = rev.dict(rev.catalog?.get('Pages'));
      expect([name, pages?.name('Type')]).toEqual([name, 'Pages']);
      const page = rev.dict((rev.resolve(pages?.get('Kids')) as PdfRef[])[0]);
      expect(rev.resolve(page?.get('Contents'))).toBeInstanceOf(PdfStream);
    }
  });

  it('finds objects and the cross-reference table when a tool shifted every offset by a few bytes', () => {
    const original = readFileSync(join(SHARED, 'pyhanko-minimal.pdf'));
    const shifted = Buffer.concat([original.subarray(0, 9), Buffer.from('% x\n'), original.subarray(9)]);
    const rev = PdfFile.open(shifted).last;
    const page = rev.dict((rev.resolve(rev.dict(rev.catalog?.get('Pages'))?.get('Kids')) as PdfRef[])[0]);
    expect((rev.resolve(page?.get('Contents')) as PdfStream).data.toString()).toContain('Hello World');
  });

  it('refuses what is not a PDF, and a PDF without any readable cross-reference section', () => {
    expect(() => PdfFile.open(Buffer.from('GIF89a'))).toThrow(PdfFormatError);
    expect(() => PdfFile.open(Buffer.from('%PDF-1.4\n%%EOF\n'))).toThrow(/cross-reference/);
  });
});

describe('BER/DER reader', () => {
  it('reads indefinite lengths and constructed OCTET STRINGs, as some signers write CMS', () => {
    // SEQUENCE (indefinite) { OCTET STRING (constructed, indefinite) { "ab", "cd" } }
    const ber = Buffer.from('3080' + '2480' + '04026162' + '04026364' + '0000' + '0000', 'hex');
    const seq = DerNode.parse(ber);
    expect(seq.end).toBe(ber.length);
    expect(seq.child(0).octets().toString()).toBe('abcd');
  });
});
