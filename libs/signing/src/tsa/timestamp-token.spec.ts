import { createHash } from 'node:crypto';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { CMS_OIDS } from '../cms/cms-oids';
import { assembleSignedData, signAttributes } from '../cms/cms-signed-data';
import { der, tlv } from '../cms/der';
import { digest } from '../cms/digest-algorithm';
import { CertificatePool } from '../verify/x509/certificate-pool';
import { checkTimestampToken } from '../verify/cms/timestamp-token';
import { readTimestampToken } from './timestamp-token';

/**
 * The one timestamp-token reader serves the TSA client and the verifier, with the strictest checks of
 * the two readers it replaced: the client's (pkijs schema: version 1, GeneralizedTime, fields in
 * order) and the verifier's (SignedData over id-ct-TSTInfo, exact TSTInfo bytes for the signature).
 */
describe('readTimestampToken', () => {
  let pki: TestPki;
  const covered = Buffer.from('chữ ký số của Chủ tịch UBND');
  const imprint = createHash('sha256').update(covered).digest();
  const imprintField = der.sequence(der.algorithm(CMS_OIDS.sha256), der.octetString(imprint));
  const when = new Date('2026-12-07T03:04:05Z');

  beforeAll(async () => {
    pki = await getTestPki();
  });

  const token = (tstInfo: Buffer, contentType: string = CMS_OIDS.tstInfo): Buffer =>
    assembleSignedData(
      signAttributes({
        identity: pki.tsa.identity,
        contentDigest: digest('SHA-256', tstInfo),
        digestAlgorithm: 'SHA-256',
        contentType,
        encapsulatedContent: tstInfo,
      }),
    );
  const tstInfo = (...fields: Buffer[]): Buffer => der.sequence(...fields);
  const good = (): Buffer[] => [
    der.integer(1),
    der.oid('2.999.3161.1'),
    imprintField,
    der.integer(0x01ff),
    der.generalizedTime(when),
    der.sequence(der.integer(1)),
    der.boolean(false),
    der.integer(Buffer.from('00a1b2c3d4e5f60718', 'hex')),
  ];

  it('reads the fields the TSA client checks and the verifier shows, and the verifier accepts it', () => {
    const bytes = token(tstInfo(...good()));
    const info = readTimestampToken(bytes);
    expect(info).toMatchObject({
      policy: '2.999.3161.1',
      serialNumber: '01ff',
      hashAlgorithmOid: CMS_OIDS.sha256,
      nonce: 'a1b2c3d4e5f60718',
    });
    expect(info.genTime.toISOString()).toBe(when.toISOString());
    expect(info.hashedMessage).toEqual(imprint);
    expect(info.certificates.map((c) => Buffer.from(c))).toContainEqual(pki.tsa.identity.certificate);

    const check = checkTimestampToken(bytes, [covered], new CertificatePool());
    expect(check).toMatchObject({ serialHex: '01ff', imprintAlgorithm: 'sha256', imprintMatches: true });
    expect(check.signer).toMatchObject({ digestMatches: true, signatureValid: true });
    expect(checkTimestampToken(bytes, [Buffer.from('khác')], new CertificatePool()).imprintMatches).toBe(
      false,
    );
  });

  it('refuses a genTime in UTCTime (RFC 3161 requires GeneralizedTime)', () => {
    const fields = good();
    fields[4] = tlv(0x17, Buffer.from('261207030405Z', 'latin1'));
    const bytes = token(tstInfo(...fields));
    expect(() => readTimestampToken(bytes)).toThrow(/expected tag 0x18/);
    // the verifier's own TSTInfo reading accepted this before it used the shared reader
    expect(() => checkTimestampToken(bytes, [covered], new CertificatePool())).toThrow(/expected tag 0x18/);
  });

  it('refuses a TSTInfo version other than 1', () => {
    const fields = good();
    fields[0] = der.integer(2);
    expect(() => readTimestampToken(token(tstInfo(...fields)))).toThrow(/version is not 1/);
  });

  it('refuses fields out of order or unknown to RFC 3161', () => {
    const fields = good();
    const [nonce] = fields.splice(7, 1);
    fields.splice(5, 0, nonce); // nonce before accuracy
    expect(() => readTimestampToken(token(tstInfo(...fields)))).toThrow(/unexpected TSTInfo field/);
    expect(() => readTimestampToken(token(tstInfo(...good(), der.oid('1.2.3'))))).toThrow(
      /unexpected TSTInfo field 0x6/,
    );
  });

  it('refuses a SignedData whose content is not a TSTInfo', () => {
    expect(() => readTimestampToken(token(tstInfo(...good()), CMS_OIDS.data))).toThrow(/TSTInfo/);
    expect(() => readTimestampToken(Buffer.from('not a token'))).toThrow();
  });
});
