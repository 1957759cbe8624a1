import { createHash } from 'node:crypto';
import { der, tlv } from '../../cms/der';
import { ParsedCertificate } from './parsed-certificate';

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Online revocation data: a CRL from a distribution point, or an OCSP answer. Only http(s) URLs are
 * followed; each URL is fetched at most once per verification.
 */
export class RevocationFetcher {
  private readonly cache = new Map<string, Promise<Buffer | undefined>>();
  readonly failures: string[] = [];

  constructor(private readonly timeoutMs: number) {}

  crl(url: string): Promise<Buffer | undefined> {
    return this.once(`GET ${url}`, () => this.request(url));
  }

  ocsp(url: string, cert: ParsedCertificate, issuer: ParsedCertificate): Promise<Buffer | undefined> {
    const body = ocspRequest(cert, issuer);
    return this.once(`POST ${url} ${cert.serialHex}`, () =>
      this.request(url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body }),
    );
  }

  private once(key: string, run: () => Promise<Buffer | undefined>): Promise<Buffer | undefined> {
    let p = this.cache.get(key);
    if (!p) {
      p = run();
      this.cache.set(key, p);
    }
    return p;
  }

  private async request(
    url: string,
    init: { method: string; headers: Record<string, string>; body: Buffer } | undefined = undefined,
  ) {
    if (!/^https?:\/\//i.test(url)) return undefined;
    try {
      const res = await fetch(url, {
        method: init?.method ?? 'GET',
        headers: init?.headers,
        body: init?.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = Buffer.from(await res.arrayBuffer());
      if (data.length > MAX_BYTES) throw new Error('response too large');
      return data;
    } catch (e) {
      this.failures.push(`${url}: ${(e as Error).message}`);
      return undefined;
    }
  }
}

/** OCSPRequest with one CertID (SHA-1, as every responder accepts) and no extensions */
export function ocspRequest(cert: ParsedCertificate, issuer: ParsedCertificate): Buffer {
  const certId = der.sequence(
    der.sequence(der.oid('1.3.14.3.2.26'), der.null()),
    der.octetString(createHash('sha1').update(issuer.subjectRaw).digest()),
    der.octetString(issuer.publicKeyHashSha1),
    tlv(0x02, cert.serialRaw),
  );
  return der.sequence(der.sequence(der.sequence(der.sequence(certId))));
}
