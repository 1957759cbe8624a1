import forge from 'node-forge';
import type { SigningIdentity } from '../../src/keys/signing-identity';

/**
 * A legacy adbe.pkcs7.detached CMS made with node-forge, SHA-1 over signed attributes including
 * signing-time: what older Vietnamese signing tools and Acrobat versions wrote, and what real
 * incoming files still carry.
 */
export function forgeSha1Pkcs7(identity: SigningIdentity): (parts: Buffer[]) => Promise<Buffer> {
  return async (parts) => {
    const pem = identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = forge.pki.privateKeyFromPem(pem);
    const asn1 = (der: Buffer) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')));
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(Buffer.concat(parts).toString('binary'));
    p7.addCertificate(asn1(identity.certificate));
    for (const c of identity.chain) p7.addCertificate(asn1(c));
    p7.addSigner({
      key,
      certificate: asn1(identity.certificate),
      digestAlgorithm: forge.pki.oids.sha1,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: new Date() as unknown as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  };
}
