import { createHash, verify } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { sampleEdoc, sampleStatus, syntheticPdf } from '../../test-fixtures/edxml-samples';
import { DSIG_NS, EDXML_NS } from '../model/edxml-names';
import { buildEdocPackageToBuffer, buildStatusPackageToBuffer } from './package-to-buffer';

function dom(xml: Buffer) {
  return new DOMParser().parseFromString(xml.toString('utf8'), 'text/xml');
}

function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let n = el.lastChild; n; n = n.previousSibling) if (n.nodeType === 1) stack.push(n as Element);
  }
  return out;
}

function childNames(el: Element): string[] {
  const names: string[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1) names.push((n as Element).localName!);
  return names;
}

function first(root: Element, localName: string): Element {
  const found = allElements(root).find((e) => e.localName === localName);
  if (!found) throw new Error(`no ${localName}`);
  return found;
}

describe('strict edXML builder', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  it('writes the same bytes for the same input, signed (RSA) or not', async () => {
    const input = sampleEdoc();
    const a = await buildEdocPackageToBuffer(input);
    const b = await buildEdocPackageToBuffer(sampleEdoc({ attachments: input.attachments }));
    expect(a.xml.equals(b.xml)).toBe(true);
    const signer = pki.organisations[0].identity;
    const now = new Date();
    const s1 = await buildEdocPackageToBuffer(input, { signer, now });
    const s2 = await buildEdocPackageToBuffer(input, { signer, now });
    expect(s1.xml.equals(s2.xml)).toBe(true);
    expect(s1.signed).toBe(true);
    expect(s1.xml.equals(a.xml)).toBe(false);
  });

  it('gives every element the edXML: prefix (ds: inside the signature) and declares each namespace once', async () => {
    const { xml } = await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.organisations[0].identity });
    const root = dom(xml).documentElement!;
    const elements = allElements(root);
    expect(elements.length).toBeGreaterThan(80);
    for (const el of elements) {
      if (el.namespaceURI === DSIG_NS) expect(el.prefix).toBe('ds');
      else expect([el.namespaceURI, el.prefix]).toEqual([EDXML_NS, 'edXML']);
    }
    const text = xml.toString('utf8');
    expect(text.match(/xmlns:edXML=/g)).toHaveLength(1);
    expect(text.match(/xmlns:ds=/g)).toHaveLength(1);
    expect(text).not.toMatch(/xmlns="/);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXML ')).toBe(true);
  });

  it('writes the fixed element order, the DocumentId, the standard date forms and the signature in the header', async () => {
    const { xml, documentId } = await buildEdocPackageToBuffer(
      sampleEdoc({
        traceHeaderList: {
          // given in UTC: written in Vietnam time
          traceHeaders: [{ organId: '000.00.01.H57', timestamp: '2025-03-14T17:05:09Z' }],
          bussiness: { bussinessDocType: 0, replacementInfoList: [] },
        },
      }),
      { signer: pki.organisations[0].identity },
    );
    const root = dom(xml).documentElement!;
    expect(documentId).toBe('000.00.01.H57,2025/03/14,07/QĐ-UBND');
    expect(childNames(first(root, 'MessageHeader'))).toEqual([
      'From',
      'To',
      'To',
      'DocumentId',
      'Code',
      'PromulgationInfo',
      'DocumentType',
      'Subject',
      'Content',
      'SignerInfo',
      'DueDate',
      'ToPlaces',
      'OtherInfo',
      'SteeringType',
    ]);
    expect(childNames(first(root, 'edXMLHeader'))).toEqual(['MessageHeader', 'TraceHeaderList', 'Signature']);
    expect(childNames(root)).toEqual(['edXMLEnvelope', 'AttachmentEncoded']);
    expect(childNames(first(root, 'Attachment'))).toEqual([
      'ContentId',
      'AttachmentName',
      'Description',
      'ContentType',
      'ContentTransferEncoded',
    ]);
    expect(first(root, 'DocumentId').textContent).toBe(documentId);
    expect(first(root, 'PromulgationDate').textContent).toBe('2025/03/14');
    expect(first(root, 'DueDate').textContent).toBe('2025/04/01');
    expect(first(root, 'Timestamp').textContent).toBe('2025/03/15 00:05:09');
    expect(
      allElements(root)
        .filter((e) => e.localName === 'ContentId')
        .map((e) => e.textContent),
    ).toEqual(['cid:1', 'cid:2', 'cid:1', 'cid:2']);
  });

  it('streams a digest equal to the SHA-256 of the exclusive canonical form xml-crypto computes', async () => {
    const built = await buildEdocPackageToBuffer(sampleEdoc());
    const canonical = new ExclusiveCanonicalization()
      .process(dom(built.xml).documentElement as never, {})
      .toString();
    expect(createHash('sha256').update(canonical, 'utf8').digest('base64')).toBe(built.envelopeDigest);
    // the canonical form is our output minus the declaration and the final line break
    expect(canonical).toBe(
      built.xml
        .toString('utf8')
        .replace(/^<\?xml[^>]*>\n/, '')
        .replace(/\n$/, ''),
    );
  });

  it.each([
    ['RSA-SHA256', 'rsa'],
    ['ECDSA-SHA256', 'ec'],
  ])('signs with %s so that plain xml-crypto verifies the whole document', async (_name, kind) => {
    const identity = kind === 'rsa' ? pki.organisations[1].identity : pki.ecPerson.identity;
    const { xml } = await buildEdocPackageToBuffer(sampleEdoc(), { signer: identity });
    const text = xml.toString('utf8');
    expect(text).toContain(kind === 'rsa' ? 'xmldsig-more#rsa-sha256' : 'xmldsig-more#ecdsa-sha256');
    const doc = dom(xml);
    const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
    const pem = `-----BEGIN CERTIFICATE-----\n${identity.certificate.toString('base64')}\n-----END CERTIFICATE-----`;
    const verifier = new SignedXml({ publicCert: pem });
    if (kind === 'ec')
      verifier.SignatureAlgorithms['http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256'] = class {
        verifySignature = (material: string, key: string, value: string) =>
          verify(
            'sha256',
            Buffer.from(material),
            { key, dsaEncoding: 'ieee-p1363' },
            Buffer.from(value, 'base64'),
          );
        getSignature = () => '';
        getAlgorithmName = () => 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
      } as never;
    verifier.loadSignature(signature as never);
    expect(verifier.checkSignature(text)).toBe(true);
    expect(verifier.getSignedReferences()).toHaveLength(1);
    // and the certificate chain rides along without the root
    expect(text.match(/<ds:X509Certificate>/g)).toHaveLength(2);
  });

  it('streams attachments from files and streams with the same bytes as from memory', async () => {
    // over two 1 MiB file reads, each leaving bytes that are not a whole base64 quantum
    const pdf = syntheticPdf(2_500_000);
    expect(pdf.length % 3).not.toBe(0);
    expect((1024 * 1024) % 3).not.toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-build-'));
    try {
      await writeFile(join(dir, 'a.pdf'), pdf);
      const signer = pki.organisations[0].identity;
      const now = new Date();
      const fromMemory = await buildEdocPackageToBuffer(sampleEdoc({}, pdf), { signer, now });
      const input = sampleEdoc({}, pdf);
      const fromFile = await buildEdocPackageToBuffer(
        {
          ...input,
          attachments: [
            { ...input.attachments[0], source: { path: join(dir, 'a.pdf') } },
            // odd chunk sizes: base64 must carry the remainder across chunks
            {
              ...input.attachments[1],
              source: { open: () => Readable.from(chunks(input.attachments[1].source as Buffer)) },
            },
          ],
        },
        { signer, now },
      );
      expect(fromFile.xml.equals(fromMemory.xml)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('normalises text to NFC with LF line breaks', async () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    const { xml } = await buildEdocPackageToBuffer(
      sampleEdoc({
        header: {
          ...sampleEdoc().header,
          subject: `${decomposed}\r\ndòng hai\u2028dòng ba`,
          documentType: { type: '1', typeName: decomposed },
        },
      }),
    );
    const root = dom(xml).documentElement!;
    expect(first(root, 'Subject').textContent).toBe('Quyết định\ndòng hai\ndòng ba'.normalize('NFC'));
    expect(first(root, 'TypeName').textContent).toBe('Quyết định'.normalize('NFC'));
  });

  const header = sampleEdoc().header;
  it.each([
    ['from.organId', { ...header, from: { ...header.from, organId: 'vxp.saas.03' } }],
    ['to', { ...header, to: [] }],
    ['to[1].organName', { ...header, to: [header.to[0], { organId: '000.00.13.H57', organName: '  ' }] }],
    ['code.codeNotation', { ...header, code: { codeNumber: '07', codeNotation: 'QĐ,UBND' } }],
    ['code.codeNotation', { ...header, code: { codeNumber: '07', codeNotation: 'QĐ UBND' } }],
    ['code.codeNumber', { ...header, code: { codeNumber: 'bảy', codeNotation: 'QĐ-UBND' } }],
    [
      'promulgationInfo.promulgationDate',
      { ...header, promulgationInfo: { promulgationDate: '2025-02-30' } },
    ],
    ['dueDate', { ...header, dueDate: '30/04/2025' }],
    ['subject', { ...header, subject: 'a\u0001b' }],
    ['subject', { ...header, subject: 'x'.repeat(501) }],
    ['documentId', { ...header, documentId: '000.00.01.H57,2025/03/14,08/QĐ-UBND' }],
    ['otherInfo.priority', { ...header, otherInfo: { ...header.otherInfo, priority: 5 as never } }],
  ])('refuses a bad %s with EDXML_INVALID_INPUT naming the field', async (field, bad) => {
    await expect(buildEdocPackageToBuffer(sampleEdoc({ header: bad }))).rejects.toMatchObject({
      code: 'EDXML_INVALID_INPUT',
      details: expect.objectContaining({ field }),
    });
  });

  it('refuses duplicate content ids and a bad content type', async () => {
    const s = sampleEdoc();
    await expect(
      buildEdocPackageToBuffer({
        ...s,
        attachments: s.attachments.map((a) => ({ ...a, contentId: 'cid:x' })),
      }),
    ).rejects.toMatchObject({
      code: 'EDXML_INVALID_INPUT',
      details: expect.objectContaining({ rule: 'duplicate' }),
    });
    await expect(
      buildEdocPackageToBuffer({ ...s, attachments: [{ ...s.attachments[0], contentType: 'pdf' }] }),
    ).rejects.toMatchObject({
      code: 'EDXML_INVALID_INPUT',
      details: expect.objectContaining({ field: 'attachments[0].contentType' }),
    });
  });

  it('refuses a source it cannot read with EDXML_SOURCE_UNREADABLE', async () => {
    const s = sampleEdoc();
    await expect(
      buildEdocPackageToBuffer({
        ...s,
        attachments: [{ ...s.attachments[0], source: { path: join(tmpdir(), 'vanthu-no-such-file.pdf') } }],
      }),
    ).rejects.toMatchObject({ code: 'EDXML_SOURCE_UNREADABLE' });
  });

  it('refuses to sign with an expired certificate', async () => {
    await expect(
      buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.expired.identity }),
    ).rejects.toMatchObject({
      code: 'CERT_EXPIRED',
    });
  });

  it('builds a status package: ResponseFor, From, StatusCode, Description, Timestamp, StaffInfo, and no body', async () => {
    const { xml } = await buildStatusPackageToBuffer(sampleStatus(), {
      signer: pki.organisations[1].identity,
    });
    const root = dom(xml).documentElement!;
    expect(childNames(first(root, 'MessageHeader'))).toEqual([
      'ResponseFor',
      'From',
      'StatusCode',
      'Description',
      'Timestamp',
      'StaffInfo',
    ]);
    expect(childNames(first(root, 'edXMLEnvelope'))).toEqual(['edXMLHeader']);
    expect(first(root, 'StatusCode').textContent).toBe('03');
    await expect(
      buildStatusPackageToBuffer(sampleStatus({ statusCode: '07' as never })),
    ).rejects.toMatchObject({
      code: 'EDXML_INVALID_INPUT',
      details: expect.objectContaining({ field: 'statusCode' }),
    });
  });
});

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
}
