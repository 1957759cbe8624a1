import { getTestPki } from '../../../../test/kit/test-pki';
import { DerNode } from '../asn1/der-node';
import { der, tlv } from '../cms/der';
import { ParsedCertificate } from '../verify/x509/parsed-certificate';
import { parseCertificate } from './certificate-info';
import { readName } from './distinguished-name';
import { NAME_ATTRIBUTE_OIDS } from './x509-oids';

const rdn = (oid: string, value: Buffer): Buffer => der.setOf(der.sequence(der.oid(oid), value));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));

describe('readName (the one X.509 Name reader of the signer and the verifier)', () => {
  it('prints RFC 4514 text, most specific first, with diacritics, labels and escapes', () => {
    const name = der.sequence(
      rdn(NAME_ATTRIBUTE_OIDS.C, tlv(0x13, Buffer.from('VN'))),
      rdn(NAME_ATTRIBUTE_OIDS.O, utf8('UBND tỉnh Bắc Ninh, Sở Nội vụ')),
      rdn(NAME_ATTRIBUTE_OIDS.organizationIdentifier, utf8('VN:MST-0100')),
      rdn(NAME_ATTRIBUTE_OIDS.CN, der.bmpString('Nguyễn Văn A')),
      rdn(NAME_ATTRIBUTE_OIDS.UID, utf8('#123 ')),
      rdn('1.2.3.4', der.octetString(Buffer.from([1, 2]))),
    );
    const read = readName(DerNode.parse(name));
    expect(read.text).toBe(
      '1.2.3.4=#04020102, UID=\\#123\\ , CN=Nguyễn Văn A, organizationIdentifier=VN:MST-0100, ' +
        'O=UBND tỉnh Bắc Ninh\\, Sở Nội vụ, C=VN',
    );
    expect(read).toMatchObject({ commonName: 'Nguyễn Văn A', organization: 'UBND tỉnh Bắc Ninh, Sở Nội vụ' });
    expect(read.attributes[0]).toEqual({ type: 'C', oid: NAME_ATTRIBUTE_OIDS.C, value: 'VN' });
  });

  it('refuses a Name that is not SEQUENCE OF SET OF SEQUENCE', () => {
    const rdnAsSequence = der.sequence(
      der.sequence(der.sequence(der.oid(NAME_ATTRIBUTE_OIDS.CN), utf8('A'))),
    );
    expect(() => readName(DerNode.parse(rdnAsSequence))).toThrow(/expected tag 0x31/);
  });

  it('gives the trust store and the verifier the same names for the same certificate', async () => {
    const pki = await getTestPki();
    for (const certificate of [
      pki.people[0].identity.certificate,
      pki.organisations[0].identity.certificate,
    ]) {
      const info = parseCertificate(certificate);
      const parsed = new ParsedCertificate(certificate);
      expect(info.subject).toBe(parsed.subject.text);
      expect(info.issuer).toBe(parsed.issuer.text);
      expect(info.subjectAttributes).toEqual(parsed.subject.attributes);
      expect(info.subject).toMatch(/^CN=.+, C=VN$/);
    }
  });
});
