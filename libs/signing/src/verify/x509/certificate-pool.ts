import { createHash } from 'node:crypto';
import { ParsedCertificate } from './parsed-certificate';

/**
 * Parsed certificates shared across verifications: the same CA chains arrive with every document, and
 * parsing a certificate and importing its key cost more than the rest of a verification. Immutable
 * values, so sharing is safe; bounded so a stream of unique certificates cannot grow it forever.
 */
const PARSED = new Map<string, ParsedCertificate>();
const PARSED_LIMIT = 2000;

function parseShared(der: Buffer, key: string): ParsedCertificate {
  let cert = PARSED.get(key);
  if (cert) return cert;
  cert = new ParsedCertificate(Buffer.from(der));
  if (PARSED.size >= PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
  PARSED.set(key, cert);
  return cert;
}

/**
 * Certificates met while verifying one document (CMS, DSS, timestamp tokens, trust anchors), parsed
 * once each and indexed by subject so chain building does not scan or re-parse.
 */
export class CertificatePool {
  private readonly byDigest = new Map<string, ParsedCertificate>();
  private readonly bySubject = new Map<string, ParsedCertificate[]>();

  /** adds DER (or an already parsed certificate); unparseable input is ignored and gives undefined */
  add(input: Buffer | ParsedCertificate): ParsedCertificate | undefined {
    const der = input instanceof ParsedCertificate ? input.der : input;
    const key = createHash('sha1').update(der).digest('base64');
    const existing = this.byDigest.get(key);
    if (existing) return existing;
    let cert: ParsedCertificate;
    try {
      cert = input instanceof ParsedCertificate ? input : parseShared(der, key);
    } catch {
      return undefined;
    }
    this.byDigest.set(key, cert);
    const subjectKey = cert.subjectRaw.toString('latin1');
    const list = this.bySubject.get(subjectKey) ?? [];
    list.push(cert);
    this.bySubject.set(subjectKey, list);
    return cert;
  }

  addAll(inputs: Iterable<Buffer | ParsedCertificate>): ParsedCertificate[] {
    const out: ParsedCertificate[] = [];
    for (const i of inputs) {
      const c = this.add(i);
      if (c) out.push(c);
    }
    return out;
  }

  all(): ParsedCertificate[] {
    return [...this.byDigest.values()];
  }

  /** certificates whose subject and key identifier fit as issuer of `cert` */
  issuerCandidates(cert: ParsedCertificate): ParsedCertificate[] {
    return (this.bySubject.get(cert.issuerRaw.toString('latin1')) ?? []).filter((c) =>
      cert.couldBeIssuedBy(c),
    );
  }

  /** signature check of `cert` with `issuer`'s key (cached on the certificate) */
  isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
    return cert.isSignedBy(issuer);
  }
}
