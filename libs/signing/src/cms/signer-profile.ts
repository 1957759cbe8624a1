import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from '../keys/signing-identity';
import { signingError } from '../signing.errors';
import { CMS_OIDS } from './cms-oids';
import { der, tlv } from './der';

/** Everything about an identity the CMS signer needs, encoded once and reused for every signature. */
export interface SignerProfile {
  /** IssuerAndSerialNumber of the signer's certificate. */
  readonly signerIdentifier: Buffer;
  /** `[0] IMPLICIT CertificateSet`: the signer's certificate then its chain, exact issued bytes. */
  readonly certificates: Buffer;
  /** The ESS signing-certificate-v2 attribute (SHA-256 certificate hash plus issuerSerial). */
  readonly signingCertificateV2: Buffer;
}

const profiles = new WeakMap<SigningIdentity, SignerProfile>();

export function signerProfile(identity: SigningIdentity): SignerProfile {
  let profile = profiles.get(identity);
  if (!profile) {
    profile = buildProfile(identity);
    profiles.set(identity, profile);
  }
  return profile;
}

function buildProfile(identity: SigningIdentity): SignerProfile {
  let cert: pkijs.Certificate;
  try {
    cert = pkijs.Certificate.fromBER(identity.certificate);
  } catch {
    throw signingError('CERT_MALFORMED');
  }
  // the issuer Name exactly as encoded in the certificate, so verifiers' byte comparisons match
  const issuerName = Buffer.from(cert.issuer.valueBeforeDecode);
  const serial = tlv(0x02, Buffer.from(cert.serialNumber.valueBlock.valueHexView));
  const certHash = createHash('sha256').update(identity.certificate).digest();
  const essCertIdV2 = der.sequence(
    // hashAlgorithm omitted: SHA-256 is the DEFAULT (RFC 5035), and DER leaves defaults out
    der.octetString(certHash),
    der.sequence(der.sequence(der.contextConstructed(4, issuerName)), serial),
  );
  return {
    signerIdentifier: der.sequence(issuerName, serial),
    certificates: der.contextConstructed(0, identity.certificate, ...identity.chain),
    signingCertificateV2: der.sequence(
      der.oid(CMS_OIDS.signingCertificateV2Attr),
      der.setOf(der.sequence(der.sequence(essCertIdV2))),
    ),
  };
}
