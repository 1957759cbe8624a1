import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SHARED_DIR } from '../../../signing/test-fixtures/shared-dir';
import { syntheticPdf } from '../../test-fixtures/edxml-samples';
import {
  EDXML_NAMESPACE_SIGNATURE,
  hubPackage,
  mangle,
  PLACEHOLDER_DSIG_SIGNATURE,
  statusPackage,
} from '../../test-fixtures/quirk-packages';
import { zip } from '../../test-fixtures/zip-writer';
import { registerFieldsFromEdoc } from '../mapping/register-fields';
import type { ParsedEdocPackage, ParsedPackage, ParsedStatusPackage } from '../model/parsed-package';
import { readPackage } from './read-package';

const FIXTURES = join(SHARED_DIR, 'fixtures', 'edxml');
const edoc = async (xml: string | Buffer) =>
  (await readPackage(Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'))) as ParsedEdocPackage;
const codes = (p: ParsedPackage) => p.notes.map((n) => n.code);

describe('reading packages from production hubs', () => {
  describe('the shared samples', () => {
    it('edoc_new.edxml: every field, the zip-wrapped nested package inside it and its PDF', async () => {
      const p = (await readPackage({ path: join(FIXTURES, 'edoc_new.edxml') })) as ParsedEdocPackage;
      expect(p.kind).toBe('edoc');
      expect(p.header.from).toMatchObject({
        organId: '000.00.11.H53',
        organName: 'Sở Tính',
        email: 'stc@tayninh.gov.vn',
      });
      expect(p.header.to.map((t) => t.organId)).toEqual(['000.00.01.A53']);
      expect(p.header.documentId).toBe('000.00.11.H53,2020/10/30,2491/STC-BCTC');
      expect(p.header.promulgationInfo.promulgationDate).toBe('2020-10-30');
      expect(p.header.toPlaces).toEqual(['Cac bo va co quan ngang bo', 'Uy ban nhan dan cac tinh, TP']);
      expect(p.header.otherInfo).toMatchObject({ priority: 0, pageAmount: 22, promulgationAmount: 2 });
      expect(p.traceHeaderList.traceHeaders).toEqual([
        { organId: '000.00.00.G22', timestamp: '2018-09-28T00:00:00+07:00' },
      ]);
      expect(p.traceHeaderList.bussiness).toMatchObject({ bussinessDocType: 0, paper: 0 });
      expect(p.signature.verdict).toBe('legacy');
      expect(p.signature.reasons.map((r) => r.code)).toEqual(['SIGNATURE_NOT_XMLDSIG']);
      expect(codes(p)).toEqual(
        expect.arrayContaining([
          'DATE_NONSTANDARD',
          'ATTACHMENT_ZIP_WRAPPED',
          'NESTED_PACKAGE',
          'UNPREFIXED_ELEMENTS',
        ]),
      );
      const [a] = p.attachments;
      expect(a).toMatchObject({ contentId: 'cid:209', detectedType: 'edxml', size: 388347 });
      expect(a.unwrappedFrom).toMatchObject({
        format: 'zip',
        entryName: '32da2890-1a55-4ccd-9ac9-cd0d98559e67.edxml',
      });
      const nested = a.nested as ParsedEdocPackage;
      expect(nested.header.documentId).toBe('9fbfbad2-f1f8-4256-a2eb-50fb1061cddb');
      expect(nested.header.from.organId).toBe('14.00.W00');
      expect(nested.signature.reasons.map((r) => r.code)).toEqual(['SIGNATURE_WEAK_ALGORITHM']);
      expect(codes(nested)).toEqual(
        expect.arrayContaining([
          'CRLF_LINE_ENDINGS',
          'UNDECLARED_PREFIX',
          'DOCUMENT_ID_NONSTANDARD',
          'AGENCY_CODE_NONSTANDARD',
        ]),
      );
      expect(nested.attachments[0]).toMatchObject({
        attachmentName: 'GUIDE_INSTALL OPENVPN.SIGNED.PDF',
        detectedType: 'pdf',
      });
      expect(nested.attachments[0].bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('status_processing_05.edxml: a status 05 with its ResponseFor and StaffInfo', async () => {
      const p = (await readPackage({
        path: join(FIXTURES, 'status_processing_05.edxml'),
      })) as ParsedStatusPackage;
      expect(p.kind).toBe('status');
      expect(p.status).toMatchObject({
        statusCode: '05',
        description: 'Đang xử lý văn bản đến',
        timestamp: '2015-09-20T11:08:36+07:00',
        from: { organId: '000.00.00.H41', organName: 'UBND Tỉnh Nghệ An' },
        responseFor: {
          organId: '000.00.00.G22',
          code: '7816/VPCP-TTĐT',
          documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT',
        },
        staffInfo: { staff: 'Nguyen thi ngoc tram', mobile: '84912000001' },
      });
      expect(p.signature.verdict).toBe('unsigned');
    });
  });

  it('unwraps attachments zipped although ContentType says application/pdf or text/plain', async () => {
    const pdf = syntheticPdf(9000);
    const text = Buffer.from('Ghi chú: gửi kèm văn bản\n');
    const p = await edoc(
      hubPackage({
        attachments: [
          {
            name: 'cv-35.pdf',
            type: 'application/pdf',
            base64: zip([{ name: 'cv-35.pdf', data: pdf }]).toString('base64'),
          },
          {
            name: 'ghi-chu.txt',
            type: 'text/plain',
            base64: zip([{ name: 'ghi-chu.txt', data: text }]).toString('base64'),
          },
        ],
      }),
    );
    expect(p.attachments.map((a) => [a.detectedType, a.size, a.unwrappedFrom?.entryName])).toEqual([
      ['pdf', pdf.length, 'cv-35.pdf'],
      ['other', text.length, 'ghi-chu.txt'],
    ]);
    expect(p.attachments[0].bytes.equals(pdf)).toBe(true);
    expect(p.attachments[1].bytes.equals(text)).toBe(true);
    expect(p.notes.filter((n) => n.code === 'ATTACHMENT_ZIP_WRAPPED')).toHaveLength(2);
  });

  it('keeps Word files as they are, an encrypted archive too, whatever they are declared as', async () => {
    const pdf = syntheticPdf(9000);
    // a Word file is a ZIP of many parts: never a wrapper, never a PDF, even declared application/pdf
    const docx = zip(
      Array.from({ length: 30 }, (_, i) => ({
        name: `word/part${i}.xml`,
        data: Buffer.from(`<w:p>${i}</w:p>`),
      })),
    );
    const locked = zip([{ name: 'danh-sach.xlsx', data: randomBytes(5000) }]);
    // the "encrypted" flag in the local and the central header, as a password-protected archive has
    locked.writeUInt16LE(0x0801, 6);
    locked.writeUInt16LE(0x0801, locked.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    const p = await edoc(
      hubPackage({
        attachments: [
          { name: 'cv.pdf', type: 'application/pdf', base64: pdf.toString('base64') },
          { name: 'Phụ lục.docx', type: 'application/pdf', base64: docx.toString('base64') },
          { name: 'danh-sach.zip', type: 'application/octet-stream', base64: locked.toString('base64') },
        ],
      }),
    );
    expect(p.attachments.map((a) => [a.attachmentName, a.detectedType, a.size])).toEqual([
      ['cv.pdf', 'pdf', pdf.length],
      ['Phụ lục.docx', 'zip', docx.length],
      ['danh-sach.zip', 'zip', locked.length],
    ]);
    expect(p.attachments[1].bytes.equals(docx)).toBe(true);
    expect(p.attachments[2].bytes.equals(locked)).toBe(true);
    expect(p.notes.filter((n) => n.code === 'ATTACHMENT_ZIP_KEPT').map((n) => n.raw)).toEqual([
      '30',
      'encrypted',
    ]);
  });

  it('keeps a DocumentId that is a bare UUID, and takes number, notation and date from Code and PromulgationInfo', async () => {
    const p = await edoc(hubPackage({ documentId: '32da2890-1a55-4ccd-9ac9-cd0d98559e67' }));
    expect(p.header.documentId).toBe('32da2890-1a55-4ccd-9ac9-cd0d98559e67');
    expect(codes(p)).toContain('DOCUMENT_ID_NONSTANDARD');
    expect(registerFieldsFromEdoc(p.header)).toMatchObject({
      codeNumber: '35',
      codeNotation: 'UBND-VP',
      issuedDate: '2020-10-30',
      typeCode: 'CV',
      priority: 'very_urgent',
      documentIdentifier: '32da2890-1a55-4ccd-9ac9-cd0d98559e67',
    });
  });

  it('reports legacy signatures as a verdict: edXML namespace, RSA-SHA1 placeholder, and none at all (2025)', async () => {
    const inEdxmlNs = await edoc(hubPackage({ signature: EDXML_NAMESPACE_SIGNATURE }));
    expect(inEdxmlNs.signature).toMatchObject({ verdict: 'legacy', intact: false });
    expect(inEdxmlNs.signature.reasons.map((r) => r.code)).toEqual(['SIGNATURE_NOT_XMLDSIG']);
    const placeholder = await edoc(hubPackage({ signature: PLACEHOLDER_DSIG_SIGNATURE }));
    expect(placeholder.signature.verdict).toBe('legacy');
    expect(placeholder.signature.reasons.map((r) => r.code)).toEqual([
      'SIGNATURE_WEAK_ALGORITHM',
      'SIGNATURE_PLACEHOLDER',
    ]);
    const none = await edoc(hubPackage());
    expect(none.signature).toMatchObject({ verdict: 'unsigned', reasons: [] });
  });

  it('keeps agency codes that are not codes, and never refuses a package for them', async () => {
    const p = await edoc(
      hubPackage({
        fromId: 'vxp.saas.03',
        toIds: ['01.02.G22', '000.01.12.H15'],
        traceHeaders: [['null', '2025/01/02 03:04:05']],
      }),
    );
    expect(p.header.from.organId).toBe('vxp.saas.03');
    expect(p.header.to.map((t) => t.organId)).toEqual(['01.02.G22', '000.01.12.H15']);
    expect(p.traceHeaderList.traceHeaders[0].organId).toBe('null');
    expect(new Set(p.notes.filter((n) => n.code === 'AGENCY_CODE_NONSTANDARD').map((n) => n.raw))).toEqual(
      new Set(['vxp.saas.03', '01.02.G22', 'null']),
    );
  });

  it('reads dates as 30/10/2020 and as 2020/10/30, and notes the one not in the standard form', async () => {
    const p = await edoc(hubPackage({ promulgationDate: '30/10/2020', dueDate: '2020/11/05' }));
    expect(p.header.promulgationInfo.promulgationDate).toBe('2020-10-30');
    expect(p.header.dueDate).toBe('2020-11-05');
    expect(p.notes.filter((n) => n.code === 'DATE_NONSTANDARD').map((n) => n.raw)).toEqual(['30/10/2020']);
    const bad = await edoc(hubPackage({ promulgationDate: '2014/02/30' }));
    expect(bad.header.promulgationInfo.promulgationDate).toBe('');
    expect(codes(bad)).toContain('DATE_INVALID');
  });

  it('reads CRLF, a byte order mark and empty elements (<ResponseFor/>)', async () => {
    const crlf = hubPackage({
      attachments: [
        {
          name: 'a.pdf',
          type: 'application/pdf',
          base64: syntheticPdf(5000)
            .toString('base64')
            .replace(/(.{76})/g, '$1\r\n'),
        },
      ],
    }).replace(/\n/g, '\r\n');
    const p = await edoc(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    expect(codes(p)).toEqual(expect.arrayContaining(['BYTE_ORDER_MARK', 'CRLF_LINE_ENDINGS']));
    expect(p.header.responseFor).toEqual([]);
    expect(p.header.from.organAdd).toBeUndefined();
    expect(p.header.subject).toBe('Về việc triển khai phòng, chống thiên tai năm 2020');
    expect(p.attachments[0].detectedType).toBe('pdf');
  });

  it('lists several TraceHeaders, including one a hub added', async () => {
    const p = await edoc(
      hubPackage({
        traceHeaders: [
          ['000.00.12.H15', '2020/10/30 08:00:00'],
          ['000.00.00.H15', '2020/10/30 08:00:07'],
          ['000.00.00.G22', '30/10/2020 08:01:00'],
        ],
      }),
    );
    expect(p.traceHeaderList.traceHeaders.map((t) => t.organId)).toEqual([
      '000.00.12.H15',
      '000.00.00.H15',
      '000.00.00.G22',
    ]);
    expect(p.traceHeaderList.traceHeaders[2].timestamp).toBe('2020-10-30T08:01:00+07:00');
    expect(codes(p)).toContain('TIMESTAMP_NONSTANDARD');
  });

  it('reads each status of a batch that carries one Timestamp as its own status (nothing is ordered by it)', async () => {
    const batch = ['01', '03', '04'].map((c) =>
      statusPackage(c, '000.01.12.H15', '000.00.12.H15', '2020/10/30 09:00:00'),
    );
    const parsed = await Promise.all(
      batch.map((x) => readPackage(Buffer.from(x)) as Promise<ParsedStatusPackage>),
    );
    expect(parsed.map((p) => [p.status.statusCode, p.status.timestamp])).toEqual([
      ['01', '2020-10-30T09:00:00+07:00'],
      ['03', '2020-10-30T09:00:00+07:00'],
      ['04', '2020-10-30T09:00:00+07:00'],
    ]);
  });

  it('reads status 13 sent by the original sender, whose ResponseFor names the recipient', async () => {
    const p = (await readPackage(
      Buffer.from(statusPackage('13', '000.00.12.H15', '000.01.12.H15', '2020/10/31 10:00:00')),
    )) as ParsedStatusPackage;
    expect(p.status.statusCode).toBe('13');
    expect(p.status.from.organId).toBe('000.00.12.H15');
    expect(p.status.responseFor.organId).toBe('000.01.12.H15');
    expect(p.status.responseFor.documentId).toBe('000.00.12.H15,2020/10/30,35/UBND-VP');
  });

  it('refuses a PDF whose bytes were mangled into U+FFFD, zip-wrapped or not', async () => {
    const mangled = mangle(syntheticPdf(20_000));
    expect(mangled.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const base64 of [
      mangled.toString('base64'),
      zip([{ name: 'a.pdf', data: mangled }]).toString('base64'),
    ])
      await expect(
        edoc(hubPackage({ attachments: [{ name: 'a.pdf', type: 'application/pdf', base64 }] })),
      ).rejects.toMatchObject({
        code: 'EDXML_ATTACHMENT_CORRUPT',
        details: expect.objectContaining({ reason: 'pdf-bytes-replaced-by-U+FFFD', contentId: 'cid:1' }),
      });
  });

  it('refuses a file that is not well-formed XML, with the line and column', async () => {
    const misnested = hubPackage().replace(
      '<edXML:Subject>Về việc triển khai phòng, chống thiên tai năm 2020</edXML:Subject>',
      '<edXML:Subject>Về việc <edXML:Code>35</edXML:Subject></edXML:Code>',
    );
    const line = misnested.split('\n').findIndex((l) => l.includes('</edXML:Subject></edXML:Code>')) + 1;
    await expect(edoc(misnested)).rejects.toMatchObject({
      code: 'EDXML_NOT_WELL_FORMED',
      details: expect.objectContaining({ line }),
    });
    const template = hubPackage({
      attachments: [{ name: 'a.pdf', type: 'application/pdf', base64: '<%= attachment.base64 %>' }],
    });
    const templateLine = template.split('\n').findIndex((l) => l.includes('<%=')) + 1;
    await expect(edoc(template)).rejects.toMatchObject({
      code: 'EDXML_NOT_WELL_FORMED',
      details: expect.objectContaining({ line: templateLine }),
    });
    // a placeholder that happens to be well-formed is still no base64
    await expect(
      edoc(
        hubPackage({
          attachments: [{ name: 'a.pdf', type: 'application/pdf', base64: '{{ATTACHMENT_BASE64}}' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'EDXML_ATTACHMENT_CORRUPT',
      details: expect.objectContaining({ reason: 'not-base64' }),
    });
  });

  it('opens a nested edXML package attached (and zip-wrapped) inside another', async () => {
    const inner = Buffer.from(
      hubPackage({
        documentId: '000.01.12.H15,2020/10/29,12/UBND',
        attachments: [
          { name: 'vb.pdf', type: 'application/pdf', base64: syntheticPdf(5000).toString('base64') },
        ],
      }),
    );
    const p = await edoc(
      hubPackage({
        attachments: [
          {
            name: 'goc.edxml',
            type: 'application/zip',
            base64: zip([{ name: 'goc.edxml', data: inner }]).toString('base64'),
          },
        ],
      }),
    );
    const nested = p.attachments[0].nested as ParsedEdocPackage;
    expect(nested.header.documentId).toBe('000.01.12.H15,2020/10/29,12/UBND');
    expect(nested.attachments[0].detectedType).toBe('pdf');
    expect(codes(p)).toContain('NESTED_PACKAGE');
  });
});
