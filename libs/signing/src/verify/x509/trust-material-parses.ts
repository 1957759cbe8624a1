import { createHash } from 'node:crypto';
import { ParsedCertificate } from './parsed-certificate';
import { ParsedCrl } from './parsed-crl';

/** The identity of DER bytes for the caches of the verifier. */
export function derKey(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64');
}

/**
 * Parses kept by the SHA-256 of their bytes, least recently used evicted first once either bound is
 * passed. Bounded by bytes as well as by count: a national CA's CRL runs to megabytes, and each
 * day's new list would otherwise stay until 256 others replaced it.
 */
export class ParsedDerMemo<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly parse: (der: Buffer) => T,
  ) {}

  get(key: string, der: Buffer): T {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    // a copy: the parse keeps slices of its input, which must not pin a larger buffer they came from
    const value = this.parse(Buffer.from(der));
    if (der.length > this.maxBytes) return value;
    this.entries.set(key, { value, bytes: der.length });
    this.bytes += der.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return value;
  }
}

/*
 * The node passes its trust anchors and CRLs with every verification, read fresh from its store so
 * that a removal counts at once. Parsing them each time re-imported the anchors' keys, re-checked
 * every signature against them and rebuilt each CRL's revoked-serial map. Parsed objects are
 * immutable apart from such memos, so they are shared; what to trust is still decided per call by
 * which bytes are passed.
 */
const ANCHORS = new ParsedDerMemo(256, 16 * 1024 * 1024, (der) => ParsedCertificate.from(der));
const CRLS = new ParsedDerMemo(256, 64 * 1024 * 1024, (der): ParsedCrl[] => {
  try {
    return ParsedCrl.from(der);
  } catch {
    return []; // unreadable revocation data is ignored, as if absent (and not parsed again)
  }
});

/** Certificates of a trust anchor input (DER, or PEM holding several); throws when unreadable. */
export function parseTrustAnchor(der: Buffer): ParsedCertificate[] {
  return ANCHORS.get(derKey(der), der);
}

/** CRLs of a configured input whose `derKey` is `key`; empty when unreadable. */
export function parseConfiguredCrl(key: string, der: Buffer): ParsedCrl[] {
  return CRLS.get(key, der);
}
