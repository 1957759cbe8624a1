import { ParsedCertificate } from './parsed-certificate';
import { ParsedCrl } from './parsed-crl';
import { ParsedOcspResponse } from './parsed-ocsp';
import { RevocationFetcher } from './revocation-fetcher';
import { derKey, parseConfiguredCrl } from './trust-material-parses';

export interface RevocationOutcome {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source?: 'crl' | 'ocsp';
  readonly revokedAt?: Date;
  /** when the data used was issued (CRL thisUpdate, OCSP thisUpdate) */
  readonly checkedAt?: Date;
}

interface Statement extends RevocationOutcome {
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
}

/**
 * Revocation status of a certificate at a time, from the CRLs and OCSP responses it was given
 * (options, DSS, CMS revocation archive) and, when allowed, from the network. Every piece of data is
 * used only if its issuer's signature verifies. A revocation counts whenever it is dated; a "good"
 * answer counts when it was still current at the time asked about or was issued after it.
 */
export class RevocationChecker {
  private readonly crls: ParsedCrl[] = [];
  private readonly ocsps: ParsedOcspResponse[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly fetcher?: RevocationFetcher) {}

  /** network requests that failed so far (URL and error, never contents) */
  get fetchFailures(): readonly string[] {
    return this.fetcher?.failures ?? [];
  }

  /** a CRL the caller configured (passed with every verification): parsed once across verifications */
  addConfiguredCrl(der: Buffer): void {
    const key = derKey(der);
    if (this.firstTime(key)) this.crls.push(...parseConfiguredCrl(key, der));
  }

  /** a CRL found in the document (DSS, CMS) or fetched: parsed for this verification only */
  addCrl(der: Buffer): void {
    if (!this.firstTime(derKey(der))) return;
    try {
      this.crls.push(...ParsedCrl.from(der));
    } catch {
      // unreadable revocation data is ignored, as if absent
    }
  }

  addOcsp(der: Buffer): void {
    if (!this.firstTime(derKey(der))) return;
    try {
      this.ocsps.push(new ParsedOcspResponse(der));
    } catch {
      // idem
    }
  }

  async check(cert: ParsedCertificate, issuer: ParsedCertificate, at: Date): Promise<RevocationOutcome> {
    let outcome = this.evaluate(cert, issuer, at);
    if (outcome.status !== 'unknown' || !this.fetcher) return outcome;
    for (const url of cert.ocspUrls) {
      const der = await this.fetcher.ocsp(url, cert, issuer);
      if (der) this.addOcsp(der);
    }
    outcome = this.evaluate(cert, issuer, at);
    if (outcome.status !== 'unknown') return outcome;
    for (const url of cert.crlUrls) {
      const der = await this.fetcher.crl(url);
      if (der) this.addCrl(der);
    }
    return this.evaluate(cert, issuer, at);
  }

  private evaluate(cert: ParsedCertificate, issuer: ParsedCertificate, at: Date): RevocationOutcome {
    const statements: Statement[] = [];
    for (const r of this.ocsps) {
      const s = r.statusOf(cert, issuer);
      if (s && s.status !== 'unknown') statements.push({ ...s, source: 'ocsp', checkedAt: s.thisUpdate });
    }
    for (const crl of this.crls) {
      if (!crl.isIssuedBy(issuer)) continue;
      const revokedAt = crl.revocationDate(cert.serialHex);
      statements.push({
        status: revokedAt ? 'revoked' : 'good',
        revokedAt,
        source: 'crl',
        thisUpdate: crl.thisUpdate,
        nextUpdate: crl.nextUpdate,
        checkedAt: crl.thisUpdate,
      });
    }
    const revoked = statements
      .filter((s) => s.status === 'revoked')
      .sort((a, b) => (a.revokedAt?.getTime() ?? 0) - (b.revokedAt?.getTime() ?? 0))[0];
    if (revoked) return strip(revoked);
    const t = at.getTime();
    const good = statements
      .filter((s) => s.thisUpdate.getTime() >= t || !s.nextUpdate || s.nextUpdate.getTime() >= t)
      .sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())[0];
    return good ? strip(good) : { status: 'unknown' };
  }

  private firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

function strip(s: Statement): RevocationOutcome {
  return { status: s.status, source: s.source, revokedAt: s.revokedAt, checkedAt: s.checkedAt };
}
