import { X509Certificate } from 'node:crypto';
import { XMLSerializer } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { sampleEdoc, syntheticPdf, xmlsecVerify } from '../../test-fixtures/edxml-samples';
import { TAMPERINGS } from '../../test-fixtures/envelope-tampering';
import { hubPackage } from '../../test-fixtures/quirk-packages';
import { xmlsecSign, xmlsecTemplate, type XmlsecTemplate } from '../../test-fixtures/xmlsec-signing';
import { buildEdocPackageToBuffer } from '../build/package-to-buffer';
import { DEFAULT_EDXML_LIMITS } from '../edxml-limits';
import { DSIG_NS, XMLDSIG } from '../model/edxml-names';
import { checkEncoding } from '../parse/package-bytes';
import { reduceDocument } from '../parse/reduced-document';
import { loadXml } from '../parse/xml-dom';
import { checkEnvelopeCore, checkEnvelopeWithCheckSignature, type CoreOutcome } from './envelope-core-check';

type Check = typeof checkEnvelopeCore;

/** The core check of a package as readPackage runs it, with the path given, and whether the DOM came back unchanged. */
function core(bytes: Buffer, check: Check): { outcome: CoreOutcome; domUnchanged: boolean } {
  const reduced = reduceDocument(bytes, checkEncoding(bytes).start, DEFAULT_EDXML_LIMITS);
  const loaded = loadXml(reduced, DEFAULT_EDXML_LIMITS);
  const signature = loaded.document.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
  const certificate = signature.getElementsByTagNameNS(DSIG_NS, 'X509Certificate')[0].textContent ?? '';
  const signer = new X509Certificate(Buffer.from(certificate.replace(/\s+/g, ''), 'base64'));
  const before = new XMLSerializer().serializeToString(loaded.document);
  const outcome = check(loaded, reduced, signature, signer);
  return { outcome, domUnchanged: new XMLSerializer().serializeToString(loaded.document) === before };
}

const summary = (o: CoreOutcome) => ({ intact: o.intact, reasons: o.reasons.map((r) => r.code) });

/**
 * Pieces of XML where two parsers or two canonicalizers could disagree, each put in a package that
 * xmlsec1 then signs (software sharing no code with us or xml-crypto). Each holds ĐỔI where a
 * change must break the signature (in a comment it must not: comments are not signed).
 */
const CONSTRUCTS: readonly [name: string, extraHeader: string][] = [
  [
    'attribute values with character references and literal white space',
    `<edXML:Note a="x&#9;y&#10;z&#13;w" b="dòng một\n\tdòng hai" c="ĐỔI &amp; &lt; &quot; &apos; &gt;">v</edXML:Note>\n`,
  ],
  [
    'CDATA, character references and escaped text',
    `<edXML:Note><![CDATA[<b>đậm</b> & ]]]]><![CDATA[> ĐỔI]]>&#x1F600;&#13;&#xD;&gt;&quot;&apos;&amp;lt;</edXML:Note>\n`,
  ],
  [
    'comments (not signed: a change inside one keeps the signature)',
    `<!-- ghi chú ĐỔI --><edXML:Note>a<!--x-->b</edXML:Note>\n`,
  ],
  [
    'a default namespace declared and undeclared',
    `<Note xmlns="urn:khac"><Trong xmlns="">ĐỔI</Trong><Trong>t</Trong></Note>\n`,
  ],
  [
    'the edXML namespace under a second prefix, a prefix declared again, an unused one',
    `<e:Note xmlns:e="http://www.mic.gov.vn/TBT/QCVN_102_2016" xmlns:khong="urn:khong-dung"><edXML:Trong xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">ĐỔI</edXML:Trong><x:Ngoai xmlns:x="urn:x" x:thuoc-tinh="1">t</x:Ngoai></e:Note>\n`,
  ],
  [
    'xml: attributes, namespaced attributes, attributes out of order',
    `<edXML:Note z="1" xml:lang="vi" xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="cid:ĐỔI" a="2" xml:space="preserve">t</edXML:Note>\n`,
  ],
  [
    'empty elements and white space inside tags',
    `<edXML:Note   a = "ĐỔI"  /><edXML:Rong></edXML:Rong><edXML:Rong\n/>\n`,
  ],
];

const TEMPLATES: readonly [name: string, template: XmlsecTemplate][] = [
  ['exclusive C14N', {}],
  ['inclusive C14N for the reference', { referenceC14n: XMLDSIG.c14n }],
  ['an InclusiveNamespaces PrefixList on the reference', { prefixList: 'edXML xlink' }],
  ['an indented Signature', { indented: true }],
];

describe('envelope core check on the parsed document: same verdicts as xml-crypto checkSignature and xmlsec1', () => {
  let pki: TestPki;
  const table: string[] = [];

  beforeAll(async () => {
    pki = await getTestPki();
  }, 120_000);

  afterEach(() => jest.restoreAllMocks());

  const attachments = [
    { name: 'lon.pdf', type: 'application/pdf', base64: syntheticPdf(20_000).toString('base64') },
    { name: 'nho.txt', type: 'text/plain', base64: Buffer.from('Phụ lục nhỏ').toString('base64') },
  ];

  async function agree(name: string, signed: Buffer): Promise<boolean> {
    const tool = await xmlsecVerify(signed, pki.rootCertificatePath, pki.issuingCaCertificatePath);
    const single = core(signed, checkEnvelopeCore);
    const full = core(signed, checkEnvelopeWithCheckSignature);
    table.push(`xmlsec1 ${tool.code === 0 ? 'accepts' : 'refuses'}, ours ${single.outcome.intact}  ${name}`);
    expect({ name, single: summary(single.outcome), unchanged: single.domUnchanged }).toEqual({
      name,
      single: summary(full.outcome),
      unchanged: true,
    });
    expect({ name, intact: single.outcome.intact }).toEqual({ name, intact: tool.code === 0 });
    return single.outcome.intact;
  }

  describe.each(TEMPLATES)('signed by xmlsec1 with %s', (_t, template) => {
    it.each(CONSTRUCTS)('%s', async (name, extraHeader) => {
      const signed = await xmlsecSign(
        hubPackage({ extraHeader, attachments, signature: `      ${xmlsecTemplate(template)}` }),
        pki.organisations[0].identity,
      );
      expect(await agree(`${name} (${_t})`, signed)).toBe(true);
      const changed = Buffer.from(signed.toString('utf8').replace('ĐỔI', 'ĐÔI'));
      expect(await agree(`${name} (${_t}), changed`, changed)).toBe(name.startsWith('comments'));
      const crlf = Buffer.from(signed.toString('utf8').replace(/\n/g, '\r\n'));
      expect(await agree(`${name} (${_t}), CRLF`, crlf)).toBe(true);
    });
  });

  it('agrees on our own packages and on every tampering of them', async () => {
    const signed = (
      await buildEdocPackageToBuffer(sampleEdoc({}, syntheticPdf(30_000)), {
        signer: pki.organisations[0].identity,
      })
    ).xml;
    expect(await agree('ours', signed)).toBe(true);
    for (const [name, tamper] of TAMPERINGS) {
      const tampered = tamper(signed, pki.organisations[1].identity);
      if (!tampered.includes('<ds:Signature')) continue;
      // variants with two Signature elements are refused before any digest (SIGNATURE_MULTIPLE)
      if (tampered.toString('utf8').split('<ds:Signature ').length > 2) continue;
      expect(await agree(name, tampered)).toBe(false);
    }
  });

  it('does not parse the package again when SignedInfo is canonicalized exclusively (the whole point)', async () => {
    const checkSignature = jest.spyOn(SignedXml.prototype, 'checkSignature');
    const ours = (await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.organisations[0].identity }))
      .xml;
    expect(core(ours, checkEnvelopeCore).outcome.intact).toBe(true);
    const theirs = await xmlsecSign(
      hubPackage({ attachments, signature: xmlsecTemplate({ indented: true }) }),
      pki.organisations[0].identity,
    );
    expect(core(theirs, checkEnvelopeCore).outcome.intact).toBe(true);
    expect(checkSignature).not.toHaveBeenCalled();
  });

  it('reads a plain SignedInfo from the parsed document, without xml-crypto loading the signature again', async () => {
    const loadSignature = jest.spyOn(SignedXml.prototype, 'loadSignature');
    const ours = (await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.organisations[0].identity }))
      .xml;
    expect(await agree('ours, plain SignedInfo', ours)).toBe(true);
    const theirs = await xmlsecSign(
      hubPackage({ attachments, signature: xmlsecTemplate({ indented: true }) }),
      pki.organisations[0].identity,
    );
    expect(core(theirs, checkEnvelopeCore).outcome.intact).toBe(true);
    // the reference path (checkEnvelopeWithCheckSignature, inside agree) loads it once
    expect(loadSignature).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a comment inside DigestValue',
      (x: string) => x.replace(/(<ds:DigestValue>.{6})/, '$1<!-- ghi chú -->'),
    ],
    [
      'a comment between the parts of SignedInfo',
      (x: string) => x.replace('</ds:SignatureMethod>', '</ds:SignatureMethod><!--x-->'),
    ],
    [
      'CDATA inside DigestValue',
      (x: string) => x.replace(/<ds:DigestValue>([^<]+)</, '<ds:DigestValue><![CDATA[$1]]><'),
    ],
    [
      'an element of another namespace in SignedInfo',
      (x: string) => x.replace('<ds:Reference ', '<k:Them xmlns:k="urn:k"/><ds:Reference '),
    ],
    [
      'an element before SignedInfo',
      (x: string) =>
        x.replace(
          '<ds:SignedInfo>',
          '<ds:Object><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"/></ds:Object><ds:SignedInfo>',
        ),
    ],
    ['no Transforms', (x: string) => x.replace(/<ds:Transforms>.*?<\/ds:Transforms>/s, '')],
    [
      'a part named as in XML-DSig but of another namespace',
      (x: string) =>
        x.replace(
          /<ds:CanonicalizationMethod ([^>]*)><\/ds:CanonicalizationMethod>/,
          '<k:CanonicalizationMethod xmlns:k="urn:k" $1></k:CanonicalizationMethod>',
        ),
    ],
  ])('leaves SignedInfo with %s to xml-crypto, with the same verdict', async (name, change) => {
    const ours = (await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.organisations[0].identity }))
      .xml;
    const changed = change(ours.toString('utf8'));
    expect(changed).not.toBe(ours.toString('utf8'));
    const loadSignature = jest.spyOn(SignedXml.prototype, 'loadSignature');
    await agree(name, Buffer.from(changed, 'utf8'));
    // once by the reference path, once by checkEnvelopeCore falling back
    expect(loadSignature).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['SignedInfo canonicalized by inclusive C14N', { signedInfoC14n: XMLDSIG.c14n }],
    ['an InclusiveNamespaces PrefixList on SignedInfo', { signedInfoPrefixList: 'edXML' }],
  ] as const)('leaves %s to xml-crypto checkSignature', async (name, template) => {
    const signed = await xmlsecSign(
      hubPackage({ extraHeader: CONSTRUCTS[5][1], attachments, signature: xmlsecTemplate(template) }),
      pki.organisations[0].identity,
    );
    const checkSignature = jest.spyOn(SignedXml.prototype, 'checkSignature');
    expect(await agree(name, signed)).toBe(true);
    expect(checkSignature).toHaveBeenCalled();
    expect(await agree(`${name}, changed`, Buffer.from(signed.toString('utf8').replace('ĐỔI', 'ĐÔI')))).toBe(
      false,
    );
  });

  it('refuses a processing instruction inside the package on both paths, which xmlsec1 accepts (xml-crypto cannot canonicalize one: the safe side)', async () => {
    const signed = await xmlsecSign(
      hubPackage({
        extraHeader: `<?ung-dung xử lý?><edXML:Note>a<?pi?>b</edXML:Note>\n`,
        attachments,
        signature: xmlsecTemplate(),
      }),
      pki.organisations[0].identity,
    );
    expect((await xmlsecVerify(signed, pki.rootCertificatePath, pki.issuingCaCertificatePath)).code).toBe(0);
    for (const check of [checkEnvelopeCore, checkEnvelopeWithCheckSignature])
      expect(summary(core(signed, check).outcome)).toEqual({
        intact: false,
        reasons: ['SIGNATURE_MALFORMED'],
      });
  });

  afterAll(() => {
    process.stdout.write(`${table.join('\n')}\n`);
  });
});
