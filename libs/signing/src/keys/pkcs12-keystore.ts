import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { signingError } from '../signing.errors';
import { openPkcs12, Pkcs12OpenError } from './pkcs12-bags';
import type { SigningIdentity } from './signing-identity';

/**
 * Opens a PKCS#12 (.p12/.pfx) once and returns a ready identity: the private key as a Node KeyObject
 * (RSA or EC), the certificate that matches it, and the chain above it ordered issuer by issuer.
 * Errors are AppExceptions (P12_*); the passphrase never appears in them.
 */
export function loadPkcs12(data: Buffer, passphrase: string): SigningIdentity {
  let bags;
  try {
    bags = openPkcs12(data, passphrase);
  } catch (error) {
    if (error instanceof Pkcs12OpenError && error.reason === 'password')
      throw signingError('P12_PASSWORD_WRONG');
    throw signingError('P12_MALFORMED');
  }
  if (bags.privateKeys.length === 0) throw signingError('P12_NO_PRIVATE_KEY');

  const certificates = bags.certificates.map(parseCertificate);
  const keys = bags.privateKeys.map(parsePrivateKey);
  for (const privateKey of keys) {
    const signer = certificates.find((cert) => cert.checkPrivateKey(privateKey));
    if (signer) {
      return {
        privateKey,
        certificate: signer.raw,
        chain: orderChain(
          signer,
          certificates.filter((cert) => cert !== signer),
        ).map((cert) => cert.raw),
      };
    }
  }
  throw signingError('P12_NO_CERTIFICATE');
}

/** Issuer after issuer from the signer up, stopping at a self-signed root; unrelated certificates drop out. */
function orderChain(signer: X509Certificate, others: X509Certificate[]): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const remaining = [...others];
  let current = signer;
  while (!isSelfSigned(current)) {
    const index = remaining.findIndex(
      (candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (index < 0) break;
    current = remaining.splice(index, 1)[0];
    chain.push(current);
  }
  return chain;
}

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.checkIssued(cert) && cert.verify(cert.publicKey);
}

function parseCertificate(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw signingError('P12_MALFORMED');
  }
}

function parsePrivateKey(pkcs8: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } catch {
    throw signingError('P12_MALFORMED');
  }
}
