import { readAlgorithmIdentifier } from '../../asn1/algorithm-identifier';
import { DerNode } from '../../asn1/der-node';
import { readBitString, readIntegerHex, readTime, TAG } from '../../asn1/der-values';
import { ParsedCertificate } from './parsed-certificate';
import { IssuerSignatureCheck } from './issuer-signature-check';

/**
 * A CRL (RFC 5280 §5). The list of revoked serials is read only when first asked for: national CA
 * CRLs run to megabytes and most documents never need them.
 */
export class ParsedCrl {
  readonly issuerRaw: Buffer;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  private readonly revokedNode?: DerNode;
  private revoked?: Map<string, Date>;
  private readonly issuerSignature: IssuerSignatureCheck;

  constructor(readonly der: Buffer) {
    const root = DerNode.parse(der).expect(TAG.SEQUENCE);
    const tbs = root.child(0).expect(TAG.SEQUENCE);
    this.issuerSignature = new IssuerSignatureCheck(
      readAlgorithmIdentifier(root.child(1)),
      tbs.raw,
      readBitString(root.child(2)),
    );
    const f = tbs.children;
    let i = f[0].tag === TAG.INTEGER ? 1 : 0;
    i++; // signature algorithm
    this.issuerRaw = f[i++].raw;
    this.thisUpdate = readTime(f[i++]);
    if (f[i] && (f[i].tag === TAG.UTC_TIME || f[i].tag === TAG.GENERALIZED_TIME))
      this.nextUpdate = readTime(f[i++]);
    if (f[i] && f[i].tag === TAG.SEQUENCE) this.revokedNode = f[i];
  }

  static from(input: Buffer): ParsedCrl[] {
    if (!input.subarray(0, 64).toString('latin1').includes('-----BEGIN')) return [new ParsedCrl(input)];
    const blocks =
      input.toString('latin1').match(/-----BEGIN X509 CRL-----[\s\S]*?-----END X509 CRL-----/g) ?? [];
    return blocks.map(
      (b) => new ParsedCrl(Buffer.from(b.replace(/-----[A-Z0-9 ]+-----|\s+/g, ''), 'base64')),
    );
  }

  isIssuedBy(issuer: ParsedCertificate): boolean {
    return this.issuerRaw.equals(issuer.subjectRaw) && this.issuerSignature.signedBy(issuer);
  }

  /** the revocation date of a serial (lower-case hex without leading zeros), if listed */
  revocationDate(serialHex: string): Date | undefined {
    if (!this.revoked) {
      this.revoked = new Map();
      for (const entry of this.revokedNode?.children ?? []) {
        this.revoked.set(readIntegerHex(entry.child(0)), readTime(entry.child(1)));
      }
    }
    return this.revoked.get(serialHex);
  }
}
