import { createHash, sign, type KeyObject } from 'node:crypto';

/** An installation's exchange identity, to speak for it on the wire (docs/exchange.md). */
export interface PeerCredentials {
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly certificate: Buffer;
}

export interface PeerResponse {
  readonly status: number;
  readonly body: Buffer;
  /** The body parsed as JSON, when it is JSON. */
  readonly json: unknown;
  readonly text: string;
}

/**
 * One exchange request signed as `as` would sign it: X-Vanthu-Peer, -Timestamp, -Content-SHA256 and
 * -Signature over `METHOD\npath\ntimestamp\nsha256`. `tamper` changes what is sent after signing.
 */
export async function peerRequest(
  baseUrl: string,
  as: PeerCredentials,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: Buffer,
  tamper: { timestamp?: string; sha256?: string; contentType?: string } = {},
): Promise<PeerResponse> {
  const timestamp = tamper.timestamp ?? new Date().toISOString();
  const sha256 = createHash('sha256')
    .update(body ?? Buffer.alloc(0))
    .digest('hex');
  const signed = Buffer.from(`${method}\n${path}\n${timestamp}\n${tamper.sha256 ?? sha256}`, 'utf8');
  const headers: Record<string, string> = {
    'x-vanthu-peer': as.name,
    'x-vanthu-timestamp': timestamp,
    'x-vanthu-content-sha256': tamper.sha256 ?? sha256,
    'x-vanthu-signature': sign('sha256', signed, as.privateKey).toString('base64'),
  };
  if (body) headers['content-type'] = tamper.contentType ?? 'application/xml';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: bytes, json, text };
}
