import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { opensslCmsVerify } from '../../test-fixtures/pdf-validators';
import { startTsaServer, type TsaServer } from '../../../../test/kit/tsa-server';
import type { SigningIdentity } from '../keys/signing-identity';
import { HttpTimestampAuthority } from '../tsa/http-timestamp-authority';
import { readTimestampToken } from '../tsa/timestamp-token';
import { CMS_OIDS } from './cms-oids';
import { createPadesCms } from './pades-cms';

describe('createPadesCms', () => {
  let pki: TestPki;
  let tsa: TsaServer;
  let dir: string;
  const content = randomBytes(20_000); // stands for the signed byte ranges of a PDF

  beforeAll(async () => {
    pki = await getTestPki();
    tsa = await startTsaServer({ identity: pki.tsa.identity });
    dir = mkdtempSync(join(tmpdir(), 'vanthu-cms-'));
  });
  afterAll(async () => {
    await tsa.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Exactly the command the brief asks for: `openssl cms -verify` against the test root. */
  const opensslVerify = (cms: Buffer, signedContent = content) =>
    opensslCmsVerify(cms, signedContent, pki.rootCertificatePath);

  const signerInfoOf = (cms: Buffer): { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo } => {
    const contentInfo = pkijs.ContentInfo.fromBER(cms);
    expect(contentInfo.contentType).toBe(CMS_OIDS.signedData);
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    return { signedData, signerInfo: signedData.signerInfos[0] };
  };

  const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

  const cases: [string, () => SigningIdentity, 'pkcs1' | 'pss', string][] = [
    ['RSA PKCS#1 v1.5', () => pki.people[0].identity, 'pkcs1', CMS_OIDS.sha256WithRsa],
    ['RSA-PSS', () => pki.people[1].identity, 'pss', CMS_OIDS.rsassaPss],
    ['ECDSA P-256', () => pki.ecPerson.identity, 'pkcs1', CMS_OIDS.ecdsaWithSha256],
  ];

  it.each(cases)(
    '%s: openssl cms -verify accepts it, and rejects other content',
    async (_name, identity, padding, algorithmOid) => {
      const cms = await createPadesCms({
        documentDigest: sha256(content),
        identity: identity(),
        rsaPadding: padding,
      });
      expect(await opensslVerify(cms)).toMatchObject({ code: 0 });
      const tampered = await opensslVerify(cms, Buffer.concat([content, Buffer.from([0])]));
      expect(tampered.code).not.toBe(0);
      expect(tampered.output).toMatch(/digest failure|verification failure/i);
      expect(signerInfoOf(cms).signerInfo.signatureAlgorithm.algorithmId).toBe(algorithmOid);
    },
  );

  it('signs exactly content-type, message-digest and signing-certificate-v2, detached, with the whole chain', async () => {
    const identity = pki.people[0].identity;
    const cms = await createPadesCms({ documentDigest: sha256(content), identity });
    const { signedData, signerInfo } = signerInfoOf(cms);
    expect(signedData.encapContentInfo.eContentType).toBe(CMS_OIDS.data);
    expect(signedData.encapContentInfo.eContent).toBeUndefined();
    const attrs = signerInfo.signedAttrs!.attributes;
    expect(attrs.map((a) => a.type).sort()).toEqual(
      [CMS_OIDS.contentTypeAttr, CMS_OIDS.messageDigestAttr, CMS_OIDS.signingCertificateV2Attr].sort(),
    );
    expect(attrs.some((a) => a.type === CMS_OIDS.signingTimeAttr)).toBe(false);
    const digest = attrs.find((a) => a.type === CMS_OIDS.messageDigestAttr)!.values[0] as asn1js.OctetString;
    expect(Buffer.from(digest.valueBlock.valueHexView)).toEqual(sha256(content));
    // ESSCertIDv2.certHash is the SHA-256 of the signer's certificate
    const ess = attrs.find((a) => a.type === CMS_OIDS.signingCertificateV2Attr)!.values[0] as asn1js.Sequence;
    const certId = (ess.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const certHash = certId.valueBlock.value[0] as asn1js.OctetString;
    expect(Buffer.from(certHash.valueBlock.valueHexView)).toEqual(sha256(identity.certificate));
    const certificates = (signedData.certificates ?? []).map((c) =>
      Buffer.from((c as pkijs.Certificate).toSchema().toBER()),
    );
    expect(certificates).toEqual([identity.certificate, ...identity.chain]);
    expect(signerInfo.unsignedAttrs).toBeUndefined();
  });

  it('writes RSASSA-PSS parameters matching the digest (SHA-384 here)', async () => {
    const documentDigest = createHash('sha384').update(content).digest();
    const cms = await createPadesCms({
      documentDigest,
      digestAlgorithm: 'SHA-384',
      identity: pki.people[2].identity,
      rsaPadding: 'pss',
    });
    expect(await opensslVerify(cms)).toMatchObject({ code: 0 });
    const { signerInfo } = signerInfoOf(cms);
    expect(signerInfo.digestAlgorithm.algorithmId).toBe(CMS_OIDS.sha384);
    const params = new pkijs.RSASSAPSSParams({ schema: signerInfo.signatureAlgorithm.algorithmParams });
    expect(params.hashAlgorithm.algorithmId).toBe(CMS_OIDS.sha384);
    expect(params.maskGenAlgorithm.algorithmId).toBe(CMS_OIDS.mgf1);
    expect(params.saltLength).toBe(48);
  });

  it.each(cases)(
    '%s with a timestamp (B-T): verifies, and the token covers the signature value',
    async (_name, identity, padding) => {
      const authority = new HttpTimestampAuthority({ url: tsa.url });
      const before = Date.now();
      const cms = await createPadesCms({
        documentDigest: sha256(content),
        identity: identity(),
        rsaPadding: padding,
        timestampAuthority: authority,
      });
      expect(await opensslVerify(cms)).toMatchObject({ code: 0 });

      const { signerInfo } = signerInfoOf(cms);
      const attribute = signerInfo.unsignedAttrs!.attributes.find(
        (a) => a.type === CMS_OIDS.signatureTimeStampTokenAttr,
      )!;
      const token = Buffer.from((attribute.values[0] as asn1js.Sequence).toBER());
      const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
      const info = readTimestampToken(token);
      expect(info.hashedMessage).toEqual(sha256(signatureValue));
      expect(info.genTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);

      const tokenPath = join(dir, 'token.tsr');
      writeFileSync(tokenPath, token);
      const output = execFileSync(
        'openssl',
        [
          'ts',
          '-verify',
          '-token_in',
          '-in',
          tokenPath,
          '-digest',
          sha256(signatureValue).toString('hex'),
          '-CAfile',
          pki.rootCertificatePath,
          '-untrusted',
          pki.issuingCaCertificatePath,
        ],
        { stdio: 'pipe' },
      ).toString();
      expect(output).toContain('Verification: OK');
    },
  );

  it('refuses a digest whose length does not match the algorithm', async () => {
    await expect(
      createPadesCms({
        documentDigest: sha256(content),
        digestAlgorithm: 'SHA-512',
        identity: pki.people[0].identity,
      }),
    ).rejects.toMatchObject({ code: 'SIGNING_DIGEST_INVALID' });
  });
});
