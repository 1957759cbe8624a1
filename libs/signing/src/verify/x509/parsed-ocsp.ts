import { createHash } from 'node:crypto';
import { AlgorithmIdentifier, readAlgorithmIdentifier } from '../../asn1/algorithm-identifier';
import { DerNode } from '../../asn1/der-node';
import {
  readBitString,
  readIntegerHex,
  readOid,
  readSmallInteger,
  readTime,
  TAG,
} from '../../asn1/der-values';
import { DIGEST_BY_OID, OID } from '../../asn1/oids';
import { ParsedCertificate } from './parsed-certificate';
import { verifySignature } from './signature-verifier';

const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

export interface OcspSingleStatus {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly revokedAt?: Date;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

interface SingleResponse extends OcspSingleStatus {
  readonly hashAlgorithm?: string;
  readonly issuerNameHash: Buffer;
  readonly issuerKeyHash: Buffer;
  readonly serialHex: string;
}

/** A successful basic OCSP response (RFC 6960) as stored in a DSS or returned by a responder. */
export class ParsedOcspResponse {
  readonly producedAt: Date;
  readonly certificates: ParsedCertificate[] = [];
  private readonly responses: SingleResponse[] = [];
  private readonly tbs: Buffer;
  private readonly signatureAlgorithm: AlgorithmIdentifier;
  private readonly signature: Buffer;
  private readonly responderName?: Buffer;
  private readonly responderKeyHash?: Buffer;

  /** accepts an OCSPResponse or a bare BasicOCSPResponse; throws when the status is not successful */
  constructor(der: Buffer) {
    let basic = DerNode.parse(der).expect(TAG.SEQUENCE);
    if (basic.child(0).tag === TAG.ENUMERATED) {
      if (readSmallInteger(basic.child(0)) !== 0) throw new Error('OCSP response status is not successful');
      const bytes = basic.child(1).child(0);
      if (readOid(bytes.child(0)) !== OID.ocspBasic) throw new Error('not a basic OCSP response');
      basic = DerNode.parse(bytes.child(1).value).expect(TAG.SEQUENCE);
    }
    const data = basic.child(0);
    this.tbs = data.raw;
    this.signatureAlgorithm = readAlgorithmIdentifier(basic.child(1));
    this.signature = readBitString(basic.child(2));
    const certs = basic.find(0xa0);
    for (const c of certs?.child(0).children ?? []) this.certificates.push(new ParsedCertificate(c.raw));
    const f = data.children;
    let i = f[0].tag === 0xa0 ? 1 : 0;
    const responder = f[i++];
    if (responder.tag === 0xa1) this.responderName = responder.child(0).raw;
    else this.responderKeyHash = responder.child(0).value;
    this.producedAt = readTime(f[i++]);
    for (const single of f[i].children) this.responses.push(readSingle(single));
  }

  /** the status this response gives for `cert`, checking who signed it; undefined when it does not speak for it */
  statusOf(cert: ParsedCertificate, issuer: ParsedCertificate): OcspSingleStatus | undefined {
    const single = this.responses.find((r) => {
      if (r.serialHex !== cert.serialHex || !r.hashAlgorithm) return false;
      const nameHash = createHash(r.hashAlgorithm).update(issuer.subjectRaw).digest();
      return (
        nameHash.equals(r.issuerNameHash) && issuerKeyHash(issuer, r.hashAlgorithm).equals(r.issuerKeyHash)
      );
    });
    if (!single || !this.signedFor(issuer)) return undefined;
    return single;
  }

  private signedFor(issuer: ParsedCertificate): boolean {
    const signer = this.isResponder(issuer)
      ? issuer
      : this.certificates.find(
          (c) =>
            this.isResponder(c) &&
            c.extendedKeyUsage.includes(OCSP_SIGNING) &&
            c.couldBeIssuedBy(issuer) &&
            c.isSignedBy(issuer),
        );
    if (!signer) return false;
    try {
      return verifySignature(this.signatureAlgorithm, signer.publicKey, [this.tbs], this.signature);
    } catch {
      return false;
    }
  }

  private isResponder(cert: ParsedCertificate): boolean {
    if (this.responderName) return this.responderName.equals(cert.subjectRaw);
    return this.responderKeyHash !== undefined && this.responderKeyHash.equals(cert.publicKeyHashSha1);
  }
}

function issuerKeyHash(issuer: ParsedCertificate, algorithm: string): Buffer {
  if (algorithm === 'sha1') return issuer.publicKeyHashSha1;
  const bits = readBitString(DerNode.parse(issuer.spki).child(1));
  return createHash(algorithm).update(bits).digest();
}

function readSingle(node: DerNode): SingleResponse {
  const certId = node.child(0);
  const statusNode = node.child(1);
  const thisUpdate = readTime(node.child(2));
  const next = node.find(0xa0);
  let status: OcspSingleStatus['status'] = 'unknown';
  let revokedAt: Date | undefined;
  if (statusNode.tag === 0x80) status = 'good';
  else if (statusNode.tag === 0xa1) {
    status = 'revoked';
    revokedAt = readTime(statusNode.child(0));
  }
  return {
    hashAlgorithm: DIGEST_BY_OID[readAlgorithmIdentifier(certId.child(0)).oid],
    issuerNameHash: certId.child(1).value,
    issuerKeyHash: certId.child(2).value,
    serialHex: readIntegerHex(certId.child(3)),
    status,
    revokedAt,
    thisUpdate,
    nextUpdate: next ? readTime(next.child(0)) : undefined,
  };
}
