import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { der } from '../cms/der';
import { digestAlgorithmInfo, type DigestAlgorithmName } from '../cms/digest-algorithm';
import { signingError } from '../signing.errors';
import { TimestampAuthority } from './timestamp-authority';
import { readTimestampToken } from './timestamp-token';

export interface HttpTimestampAuthorityOptions {
  readonly url: string;
  /** Default 10 s for the whole exchange. */
  readonly timeoutMs?: number;
  /** TSA policy to ask for (reqPolicy); the TSA's default when absent. */
  readonly policyOid?: string;
  /**
   * Extra request headers, e.g. Authorization for a paid TSA (credentials in the URL work too).
   * Never logged or put into errors.
   */
  readonly headers?: Readonly<Record<string, string>>;
}

const STATUS_TEXT = [
  'granted',
  'grantedWithMods',
  'rejection',
  'waiting',
  'revocationWarning',
  'revocationNotification',
];

/**
 * RFC 3161 client over HTTP(S) with Node's fetch. Each request carries a fresh 64-bit nonce and
 * certReq=true; the answer must be granted, echo the nonce and cover exactly the imprint we sent.
 */
export class HttpTimestampAuthority extends TimestampAuthority {
  /** The URL without credentials: what is requested and what errors may name. */
  private readonly safeUrl: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: HttpTimestampAuthorityOptions) {
    super();
    const url = new URL(options.url);
    this.headers = { ...options.headers };
    // fetch refuses URLs with credentials; `https://user:pass@tsa.example` becomes Basic authentication
    if (url.username || url.password) {
      const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      this.headers.authorization ??= `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    this.safeUrl = url.toString();
  }

  override async timestamp(messageImprint: Buffer, digestAlgorithm: DigestAlgorithmName): Promise<Buffer> {
    const algorithm = digestAlgorithmInfo(digestAlgorithm);
    if (messageImprint.length !== algorithm.length) {
      throw signingError('SIGNING_DIGEST_INVALID', {
        expectedLength: algorithm.length,
        actualLength: messageImprint.length,
      });
    }
    const nonce = randomBytes(8);
    nonce[0] = (nonce[0] & 0x7f) | 0x01;
    const request = der.sequence(
      der.integer(1),
      der.sequence(der.algorithm(algorithm.oid, der.null()), der.octetString(messageImprint)),
      ...(this.options.policyOid ? [der.oid(this.options.policyOid)] : []),
      der.integer(nonce),
      der.boolean(true),
    );
    const body = await this.post(request);
    const token = this.grantedToken(body);
    let info;
    try {
      info = readTimestampToken(token);
    } catch {
      throw this.invalid('token');
    }
    if (info.nonce !== nonce.toString('hex')) throw this.invalid('nonce');
    if (info.hashAlgorithmOid !== algorithm.oid || !info.hashedMessage.equals(messageImprint)) {
      throw this.invalid('messageImprint');
    }
    if (info.certificates.length === 0) throw this.invalid('certificates');
    return token;
  }

  private async post(request: Buffer): Promise<Buffer> {
    let response: Response;
    try {
      response = await fetch(this.safeUrl, {
        method: 'POST',
        headers: {
          ...this.headers,
          'content-type': 'application/timestamp-query',
          accept: 'application/timestamp-reply',
        },
        body: request,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        redirect: 'follow',
      });
    } catch (error) {
      throw signingError('TSA_UNREACHABLE', { url: this.safeUrl, cause: errorName(error) });
    }
    if (response.status >= 500)
      throw signingError('TSA_UNREACHABLE', { url: this.safeUrl, httpStatus: response.status });
    if (response.status >= 400)
      throw signingError('TSA_REJECTED', { url: this.safeUrl, httpStatus: response.status });
    if (response.status !== 200) throw this.invalid('httpStatus', { httpStatus: response.status });
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw signingError('TSA_UNREACHABLE', { url: this.safeUrl, cause: errorName(error) });
    }
  }

  /** The exact bytes of the token inside a granted TimeStampResp. */
  private grantedToken(body: Buffer): Buffer {
    let response: pkijs.TimeStampResp;
    let tokenBytes: Buffer | undefined;
    try {
      const parsed = asn1js.fromBER(body);
      if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence))
        throw new Error('not a SEQUENCE');
      response = new pkijs.TimeStampResp({ schema: parsed.result });
      const tokenBlock = parsed.result.valueBlock.value[1];
      if (tokenBlock) tokenBytes = Buffer.from(tokenBlock.valueBeforeDecodeView);
    } catch {
      throw this.invalid('structure');
    }
    const status = response.status.status as number;
    if (status !== 0 && status !== 1) {
      throw signingError('TSA_REJECTED', {
        url: this.safeUrl,
        status: STATUS_TEXT[status] ?? status,
        statusText: response.status.statusStrings?.map((s) => s.valueBlock.value).join('; '),
        failInfo: response.status.failInfo ? failInfoBits(response.status.failInfo) : undefined,
      });
    }
    if (!tokenBytes) throw this.invalid('token');
    return tokenBytes;
  }

  private invalid(reason: string, extra: Record<string, unknown> = {}): Error {
    return signingError('TSA_RESPONSE_INVALID', { url: this.safeUrl, reason, ...extra });
  }
}

/** Indexes of the PKIFailureInfo bits that are set (0 badAlg, 2 badRequest, 5 badDataFormat, …). */
function failInfoBits(bits: asn1js.BitString): number[] {
  const bytes = bits.valueBlock.valueHexView;
  const set: number[] = [];
  for (let i = 0; i < bytes.length * 8; i++) if (bytes[i >> 3] & (0x80 >> (i & 7))) set.push(i);
  return set;
}

function errorName(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return cause ?? (error instanceof Error ? error.name : 'Error');
}
