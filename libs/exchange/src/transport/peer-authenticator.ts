import { type KeyObject, X509Certificate } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { Clock } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';
import { readSignedHeaders, verifyRequestSignature } from './request-signature';

export interface AuthenticatedRequest {
  readonly peer: ExchangePeerEntity;
  /** the body hash the caller signed: the body must match it */
  readonly sha256: string;
}

/**
 * Who is calling: the peer named in X-Vanthu-Peer, proven by its signature checked against the
 * certificate pinned for that name. Runs before the body is read, so nobody unknown gets to make
 * this installation store anything.
 */
@Injectable()
export class PeerAuthenticator {
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly peers: ExchangePeerRepository,
    private readonly clock: Clock,
  ) {}

  async authenticate(
    header: (name: string) => string | undefined,
    method: string,
    path: string,
  ): Promise<AuthenticatedRequest> {
    if (!this.config.exchange.enabled) throw exchangeError('EXCHANGE_DISABLED');
    const signed = readSignedHeaders(header);
    const peer = await this.peers.findByName(signed.peer);
    if (!peer || !peer.enabled)
      throw exchangeError('EXCHANGE_PEER_UNKNOWN', { peer: signed.peer.slice(0, 63) });
    verifyRequestSignature(signed, method, path, this.keyOf(peer), this.clock.now());
    return { peer, sha256: signed.sha256 };
  }

  /** The pinned certificate's key, parsed once per certificate. */
  keyOf(peer: ExchangePeerEntity): KeyObject {
    let key = this.keys.get(peer.sha256Fingerprint);
    if (!key) {
      key = new X509Certificate(peer.certificateDer).publicKey;
      this.keys.set(peer.sha256Fingerprint, key);
    }
    return key;
  }
}
