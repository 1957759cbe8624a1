import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { ExchangeIdentityStore } from '../identity/exchange-identity.store';
import { EMPTY_SHA256, signRequest } from './request-signature';
import { sha256Hex } from '../identity/exchange-identity-certificate';

/** What one HTTP exchange with a peer came to. */
export type PeerAnswer =
  | { readonly kind: 'ok'; readonly status: number; readonly body: Buffer }
  /** 4xx other than 401/408/429: the peer refuses, for good */
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string }
  /** nothing reached the peer, or it answered 5xx/401/408/429: safe to send again later */
  | { readonly kind: 'transient'; readonly error: string }
  /** the request may have been processed (the body was sent, no answer came): ask before resending */
  | { readonly kind: 'ambiguous'; readonly error: string };

export interface PeerAddress {
  readonly name: string;
  readonly baseUrl: string;
}

const SMALL_ANSWER = 1024 * 1024;

/**
 * Requests to peers over node:http(s), each signed with the installation's exchange key
 * (X-Vanthu-* headers). Keep-alive agents, one timeout for the whole exchange, answers read up to
 * a bound. The receipt's own signature is checked by the caller against the pinned certificate.
 */
@Injectable()
export class ExchangeClient implements OnModuleDestroy {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: ExchangeIdentityStore,
  ) {
    const { sendConcurrency, tlsCaFile, tlsCertFile, tlsKeyFile } = config.exchange;
    const maxSockets = Math.max(8, sendConcurrency * 2);
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets,
      ...(tlsCaFile ? { ca: readFileSync(tlsCaFile) } : {}),
      ...(tlsCertFile && tlsKeyFile
        ? { cert: readFileSync(tlsCertFile), key: readFileSync(tlsKeyFile) }
        : {}),
    });
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  put(peer: PeerAddress, consignmentId: string, body: Buffer, sha256: string): Promise<PeerAnswer> {
    return this.request(
      peer,
      'PUT',
      `/exchange/v1/consignments/${consignmentId}`,
      body,
      sha256,
      SMALL_ANSWER,
    );
  }

  /** Several consignments in one request (consignment-batch.ts): `body` as encodeBatch wrote it. */
  putMany(peer: PeerAddress, body: Buffer, sha256: string): Promise<PeerAnswer> {
    return this.request(peer, 'POST', '/exchange/v1/consignments', body, sha256, SMALL_ANSWER, {
      contentType: 'application/octet-stream',
    });
  }

  getReceipt(peer: PeerAddress, consignmentId: string): Promise<PeerAnswer> {
    return this.request(
      peer,
      'GET',
      `/exchange/v1/consignments/${consignmentId}/receipt`,
      null,
      EMPTY_SHA256,
      SMALL_ANSWER,
    );
  }

  /**
   * The mailbox page after `after`. With `waitSeconds` the hub may hold an empty answer that long
   * (long poll): the exchange's timeout counts from the end of that wait. `signal` cancels it (the
   * process is stopping).
   */
  listMailbox(
    peer: PeerAddress,
    after: number,
    limit: number,
    waitSeconds = 0,
    signal?: AbortSignal,
  ): Promise<PeerAnswer> {
    const wait = waitSeconds > 0 ? `&wait=${waitSeconds}` : '';
    return this.request(
      peer,
      'GET',
      `/exchange/v1/mailbox?after=${after}&limit=${limit}${wait}`,
      null,
      EMPTY_SHA256,
      SMALL_ANSWER,
      { timeoutMs: this.config.exchange.requestTimeoutMs + waitSeconds * 1000, signal },
    );
  }

  fetchMailboxItem(peer: PeerAddress, consignmentId: string): Promise<PeerAnswer> {
    return this.request(
      peer,
      'GET',
      `/exchange/v1/mailbox/${consignmentId}`,
      null,
      EMPTY_SHA256,
      this.config.exchange.maxPackageBytes,
    );
  }

  ackMailboxItem(peer: PeerAddress, consignmentId: string, receiptJson: string): Promise<PeerAnswer> {
    const body = Buffer.from(receiptJson, 'utf8');
    return this.request(
      peer,
      'POST',
      `/exchange/v1/mailbox/${consignmentId}/ack`,
      body,
      sha256Hex(body),
      SMALL_ANSWER,
    );
  }

  private async request(
    peer: PeerAddress,
    method: string,
    path: string,
    body: Buffer | null,
    sha256: string,
    maxAnswer: number,
    options: { timeoutMs?: number; signal?: AbortSignal; contentType?: string } = {},
  ): Promise<PeerAnswer> {
    const timeoutMs = options.timeoutMs ?? this.config.exchange.requestTimeoutMs;
    const me = await this.identity.current();
    const url = new URL(path, `${peer.baseUrl}/`);
    const target = url.pathname + url.search;
    const headers: Record<string, string> = {
      ...signRequest(me.name, me.signing.privateKey, method, target, sha256),
      accept: 'application/json, application/xml',
      // which process of the installation sent it: the peer's logs can tell several processes apart
      'user-agent': `vanthu-exchange (${me.name}; pid ${process.pid})`,
    };
    if (body) {
      headers['content-type'] =
        options.contentType ?? (path.endsWith('/ack') ? 'application/json' : 'application/xml');
      headers['content-length'] = String(body.length);
    }
    const secure = url.protocol === 'https:';
    const transport = secure ? https : http;
    return new Promise<PeerAnswer>((resolve) => {
      let bodySent = false;
      let settled = false;
      const done = (answer: PeerAnswer) => {
        if (settled) return;
        settled = true;
        resolve(answer);
      };
      const req = transport.request(
        url,
        {
          method,
          headers,
          agent: secure ? this.httpsAgent : this.httpAgent,
          timeout: timeoutMs,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let total = 0;
          res.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxAnswer) {
              res.destroy();
              done({ kind: 'transient', error: `answer over ${maxAnswer} bytes` });
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', (error) => done(lost(method, bodySent, error)));
          res.on('end', () => done(classify(res.statusCode ?? 0, Buffer.concat(chunks))));
        },
      );
      const deadline = setTimeout(() => {
        req.destroy(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      deadline.unref();
      req.on('close', () => clearTimeout(deadline));
      req.on('timeout', () => req.destroy(new Error('socket idle timeout')));
      req.on('error', (error) => done(lost(method, bodySent, error)));
      if (body) req.end(body, () => (bodySent = true));
      else {
        req.end();
        bodySent = true;
      }
    });
  }
}

/**
 * A request that failed without an answer: ambiguous when a PUT or POST may have reached the peer
 * whole (it may have stored it), transient when nothing could have been processed.
 */
function lost(method: string, bodySent: boolean, error: Error): PeerAnswer {
  const code = (error as NodeJS.ErrnoException).code;
  const neverConnected = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH';
  const message = `${code ?? 'ERROR'}: ${error.message}`.slice(0, 500);
  if (method !== 'GET' && bodySent && !neverConnected) return { kind: 'ambiguous', error: message };
  return { kind: 'transient', error: message };
}

/** An error status worth trying again later; any other 4xx is a refusal for good. */
export function transientStatus(status: number): boolean {
  // 401: the peer does not know our key yet (its peers file is being fixed): worth retrying
  return status === 401 || status === 408 || status === 429 || status >= 500 || status < 200;
}

function classify(status: number, body: Buffer): PeerAnswer {
  if (status >= 200 && status < 300) return { kind: 'ok', status, body };
  if (transientStatus(status))
    return { kind: 'transient', error: `HTTP ${status}: ${body.toString('utf8', 0, 300)}` };
  let code = `HTTP_${status}`;
  let message = body.toString('utf8', 0, 500);
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string') code = parsed.code.slice(0, 60);
    if (typeof parsed.message === 'string') message = parsed.message.slice(0, 500);
  } catch {
    // not our JSON error: keep the status as the code
  }
  return { kind: 'refused', status, code, message };
}
