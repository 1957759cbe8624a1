import { Readable } from 'node:stream';
import { DOMParser } from '@xmldom/xmldom';
import { syntheticPdf } from '../../test-fixtures/edxml-samples';
import { hubPackage } from '../../test-fixtures/quirk-packages';
import { zip } from '../../test-fixtures/zip-writer';
import { readPackage } from './read-package';

const read = (xml: string | Buffer, limits = {}) =>
  readPackage(Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'), { limits });
const withAttachment = (base64: string, type = 'application/pdf', name = 'a.pdf') =>
  hubPackage({ attachments: [{ name, type, base64 }] });

describe('reading refuses what could hurt, with a stable code', () => {
  it.each([
    [
      'billion laughs',
      `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&c;</edXML>`,
    ],
    [
      'external entity (XXE)',
      `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML>&x;</edXML>`,
    ],
    ['external DTD', `<?xml version="1.0"?><!DOCTYPE edXML SYSTEM "http://127.0.0.1:9/edxml.dtd"><edXML/>`],
    ['parameter entity', `<!DOCTYPE edXML [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><edXML/>`],
    [
      'DOCTYPE inside a real package',
      hubPackage().replace('<edXML xmlns=', '<!DOCTYPE edXML []>\n<edXML xmlns='),
    ],
  ])('%s: EDXML_DTD_FORBIDDEN', async (_name, xml) => {
    await expect(read(xml)).rejects.toMatchObject({ code: 'EDXML_DTD_FORBIDDEN' });
  });

  it('bounds depth and element count (EDXML_TOO_LARGE)', async () => {
    const deep = `<edXML>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</edXML>`;
    await expect(read(deep)).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
      details: expect.objectContaining({ what: 'depth' }),
    });
    const many = hubPackage({
      extraHeader: `<edXML:ToPlaces>${'<edXML:Place>x</edXML:Place>'.repeat(2000)}</edXML:ToPlaces>\n`,
    });
    await expect(read(many, { maxElements: 1000 })).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
      details: expect.objectContaining({ what: 'elements' }),
    });
    await expect(read(many)).resolves.toMatchObject({ kind: 'edoc' });
  });

  it('bounds the package, the markup and each field (EDXML_TOO_LARGE), reading a stream no further than the limit', async () => {
    const xml = Buffer.from(withAttachment(syntheticPdf(200_000).toString('base64')));
    await expect(read(xml, { maxPackageBytes: 100_000 })).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
      details: expect.objectContaining({ what: 'package' }),
    });
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 65536;
        this.push(Buffer.alloc(65536, 0x20));
      },
    });
    await expect(readPackage(endless, { limits: { maxPackageBytes: 1_000_000 } })).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
    });
    expect(pulled).toBeLessThan(2_000_000);
    const bigMarkup = hubPackage({
      extraHeader: `<edXML:OtherText>${'é'.repeat(600_000)}</edXML:OtherText>\n`,
    });
    await expect(read(bigMarkup, { maxMarkupBytes: 1_000_000 })).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
      details: expect.objectContaining({ what: 'markup' }),
    });
    const bigSubject = hubPackage().replace('Về việc triển khai', 'x'.repeat(5000));
    await expect(read(bigSubject, { maxFieldChars: 4000 })).rejects.toMatchObject({
      code: 'EDXML_TOO_LARGE',
      details: expect.objectContaining({ what: 'field', path: 'MessageHeader/Subject' }),
    });
  });

  it('refuses zip bombs: by ratio, by entry count, and a header that lies about the size', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const bomb = zip([{ name: 'a.pdf', data: zeros }]).toString('base64');
    await expect(read(withAttachment(bomb))).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_TOO_LARGE',
      details: expect.objectContaining({ what: 'zip-ratio' }),
    });
    const many = zip(
      Array.from({ length: 1100 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from(`${i}`) })),
    ).toString('base64');
    await expect(read(withAttachment(many))).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_TOO_LARGE',
      details: expect.objectContaining({ what: 'zip-entries' }),
    });
    // 1,000 entries each are allowed, but not 12 such archives in one package
    const thousand = zip(
      Array.from({ length: 1000 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from(`${i}`) })),
    ).toString('base64');
    await expect(
      read(
        hubPackage({
          attachments: Array.from({ length: 12 }, (_, i) => ({
            name: `${i}.zip`,
            type: 'application/zip',
            base64: thousand,
          })),
        }),
      ),
    ).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_TOO_LARGE',
      details: expect.objectContaining({ what: 'zip-entries-total' }),
    });
    const liar = zip([
      { name: 'a.pdf', data: syntheticPdf(400_000, Buffer.alloc(400_000, 7)), claimedSize: 5000 },
    ]).toString('base64');
    await expect(read(withAttachment(liar))).rejects.toMatchObject({ code: 'EDXML_ATTACHMENT_CORRUPT' });
    const damaged = zip([{ name: 'a.pdf', data: syntheticPdf(5000) }]);
    damaged[60] ^= 0xff;
    await expect(read(withAttachment(damaged.toString('base64')))).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_CORRUPT',
    });
  });

  it('bounds one attachment before decoding it (EDXML_ATTACHMENT_TOO_LARGE)', async () => {
    await expect(
      read(withAttachment(syntheticPdf(50_000).toString('base64')), { maxAttachmentBytes: 40_000 }),
    ).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_TOO_LARGE',
    });
  });

  it('accepts UTF-8 only (EDXML_ENCODING_UNSUPPORTED) and refuses bytes that are not UTF-8 with their line', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hubPackage(), 'utf16le')]);
    await expect(read(utf16)).rejects.toMatchObject({ code: 'EDXML_ENCODING_UNSUPPORTED' });
    await expect(
      read(hubPackage().replace('encoding="UTF-8"', 'encoding="windows-1258"')),
    ).rejects.toMatchObject({
      code: 'EDXML_ENCODING_UNSUPPORTED',
    });
    const text = hubPackage();
    const at = text.indexOf('Về việc');
    const latin = Buffer.concat([
      Buffer.from(text.slice(0, at)),
      Buffer.from([0xc0, 0x20]),
      Buffer.from(text.slice(at)),
    ]);
    await expect(read(latin)).rejects.toMatchObject({
      code: 'EDXML_NOT_WELL_FORMED',
      details: expect.objectContaining({
        reason: 'invalid UTF-8',
        line: text.slice(0, at).split('\n').length,
      }),
    });
    await expect(read(hubPackage().replace('Về việc', 'Về\u0001việc'))).rejects.toMatchObject({
      code: 'EDXML_NOT_WELL_FORMED',
    });
  });

  it('refuses XML that is not an edXML package (EDXML_NOT_EDXML)', async () => {
    await expect(read('<?xml version="1.0"?><html><body/></html>')).rejects.toMatchObject({
      code: 'EDXML_NOT_EDXML',
    });
    await expect(
      read(hubPackage().replace(/<edXML:MessageHeader>[\s\S]*<\/edXML:MessageHeader>/, '')),
    ).rejects.toMatchObject({
      code: 'EDXML_NOT_EDXML',
      details: { missing: 'MessageHeader' },
    });
  });

  it.each([
    ['wrapped at 76', (b: string) => b.replace(/(.{76})/g, '$1\n')],
    ['on one line', (b: string) => b],
  ])(
    'reports the line and column of the package file after an attachment body set aside (%s)',
    async (_name, layout) => {
      const base64 = layout(syntheticPdf(30_000).toString('base64'));
      const broken = withAttachment(base64).replace(
        '</edXML:ContentTransferEncoded>',
        '</edXML:ContentTransferEncoded><edXML:Oops a=1/>',
      );
      let expected: { line?: number; column?: number } = {};
      try {
        new DOMParser({
          onError: (level, _message, context) => {
            if (level === 'warning') return;
            const locator = (context as { locator?: { lineNumber: number; columnNumber: number } }).locator;
            expected = { line: locator?.lineNumber, column: locator?.columnNumber };
            throw new Error('stop');
          },
        }).parseFromString(broken, 'text/xml');
      } catch {
        // the position xmldom gives on the whole file is the reference
      }
      expect(expected.column).toBeGreaterThan(60);
      await expect(read(broken)).rejects.toMatchObject({
        code: 'EDXML_NOT_WELL_FORMED',
        details: expect.objectContaining({ line: expected.line, column: expected.column }),
      });
    },
  );
});
