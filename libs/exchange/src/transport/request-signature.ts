import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { exchangeError } from '../exchange.errors';

export const EXCHANGE_HEADERS = {
  peer: 'x-vanthu-peer',
  timestamp: 'x-vanthu-timestamp',
  contentSha256: 'x-vanthu-content-sha256',
  signature: 'x-vanthu-signature',
} as const;

/** Requests more than this far from the receiver's clock are refused (a replay window, not a session). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export const EMPTY_SHA256 = createHash('sha256').digest('hex');

/** `METHOD\npath\ntimestamp\nsha256(body)`: what the caller's exchange key signs (docs/exchange.md). */
export function signedRequestText(method: string, path: string, timestamp: string, sha256: string): Buffer {
  return Buffer.from(`${method.toUpperCase()}\n${path}\n${timestamp}\n${sha256}`, 'utf8');
}

/** The four headers of a request from `peerName` signed with its exchange key. */
export function signRequest(
  peerName: string,
  key: KeyObject,
  method: string,
  path: string,
  sha256: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = now.toISOString();
  const signature = sign('sha256', signedRequestText(method, path, timestamp, sha256), key);
  return {
    [EXCHANGE_HEADERS.peer]: peerName,
    [EXCHANGE_HEADERS.timestamp]: timestamp,
    [EXCHANGE_HEADERS.contentSha256]: sha256,
    [EXCHANGE_HEADERS.signature]: signature.toString('base64'),
  };
}

export interface SignedRequestHeaders {
  readonly peer: string;
  readonly timestamp: string;
  readonly sha256: string;
  readonly signature: string;
}

/** The headers of an incoming request, or EXCHANGE_REQUEST_SIGNATURE_INVALID when one is missing or malformed. */
export function readSignedHeaders(get: (name: string) => string | undefined): SignedRequestHeaders {
  const peer = get(EXCHANGE_HEADERS.peer);
  const timestamp = get(EXCHANGE_HEADERS.timestamp);
  const sha256 = get(EXCHANGE_HEADERS.contentSha256)?.toLowerCase();
  const signature = get(EXCHANGE_HEADERS.signature);
  if (!peer || !timestamp || !sha256 || !signature || !/^[0-9a-f]{64}$/.test(sha256) || peer.length > 63)
    throw exchangeError('EXCHANGE_REQUEST_SIGNATURE_INVALID', { reason: 'headers' });
  return { peer, timestamp, sha256, signature };
}

/**
 * Checks a request against the caller's pinned key: the time within MAX_CLOCK_SKEW_MS and the
 * signature over method, path (with its query), time and declared body hash.
 */
export function verifyRequestSignature(
  headers: SignedRequestHeaders,
  method: string,
  path: string,
  pinnedKey: KeyObject,
  now: Date,
): void {
  const at = Date.parse(headers.timestamp);
  if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > MAX_CLOCK_SKEW_MS)
    throw exchangeError('EXCHANGE_REQUEST_SIGNATURE_INVALID', { reason: 'timestamp' });
  let ok = false;
  try {
    ok = verify(
      'sha256',
      signedRequestText(method, path, headers.timestamp, headers.sha256),
      pinnedKey,
      Buffer.from(headers.signature, 'base64'),
    );
  } catch {
    ok = false;
  }
  if (!ok) throw exchangeError('EXCHANGE_REQUEST_SIGNATURE_INVALID', { reason: 'signature' });
}
