import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { issueCertificate, type SigningIdentity } from '@vanthu/signing';

/** SAN URI naming an agency the installation may send for (docs/exchange.md). */
export const AGENCY_URI_PREFIX = 'urn:vanthu:agency:';
const DAY = 86_400_000;

export interface IssueExchangeIdentityInput {
  /** the CA that issues (a demo PKI's issuing CA) */
  readonly issuer: SigningIdentity;
  /** the installation's name (CN) */
  readonly name: string;
  /** agencies at the top of what the installation hosts (none for a hub) */
  readonly agencyCodes: readonly string[];
  readonly now?: Date;
  readonly validDays?: number;
}

/**
 * Issues an exchange identity: a P-256 key (it signs every request and receipt, where ECDSA is an
 * order of magnitude cheaper than RSA) and a certificate with the installation as CN and its agencies
 * as SAN URIs, chained to the issuer.
 */
export function issueExchangeIdentity(input: IssueExchangeIdentityInput): SigningIdentity {
  const now = input.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = issueCertificate({
    subject: [
      ['C', 'VN'],
      ['O', 'vanthu exchange'],
      ['CN', input.name],
    ],
    publicKey,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + (input.validDays ?? 730) * DAY),
    signer: { privateKey: input.issuer.privateKey, certificate: input.issuer.certificate },
    keyUsage: ['digitalSignature', 'nonRepudiation'],
    subjectAltNameUris: input.agencyCodes.map((code) => `${AGENCY_URI_PREFIX}${code}`),
  });
  return { privateKey, certificate, chain: [input.issuer.certificate, ...input.issuer.chain] };
}

/**
 * The agency codes of the certificates seen lately, by DER (base64): every package a peer sends is
 * signed by the same few certificates, and parsing one took 3% of a hub's CPU. A pure function of
 * immutable bytes; bounded so that a stream of new certificates cannot grow it.
 */
const AGENCY_CODES = new Map<string, readonly string[]>();
const AGENCY_CODES_LIMIT = 256;

/** The agency codes a certificate names as SAN URIs `urn:vanthu:agency:<code>`. */
export function certificateAgencyCodes(certificateDer: Buffer): string[] {
  const key = certificateDer.toString('base64');
  let codes = AGENCY_CODES.get(key);
  if (!codes) {
    codes = sanAgencyCodes(new X509Certificate(certificateDer).subjectAltName ?? '');
    if (AGENCY_CODES.size >= AGENCY_CODES_LIMIT)
      AGENCY_CODES.delete(AGENCY_CODES.keys().next().value as string);
    AGENCY_CODES.set(key, codes);
  }
  return [...codes];
}

function sanAgencyCodes(san: string): string[] {
  const codes: string[] = [];
  for (const match of san.matchAll(/URI:([^,]+)/g)) {
    const uri = match[1].trim();
    if (uri.startsWith(AGENCY_URI_PREFIX)) codes.push(uri.slice(AGENCY_URI_PREFIX.length));
  }
  return codes;
}

/** The certificate's CN (the installation's name). */
export function certificateCommonName(certificateDer: Buffer): string | undefined {
  const subject = new X509Certificate(certificateDer).subject;
  return /(?:^|\n)CN=([^\n]+)/.exec(subject)?.[1];
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
