import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { EnvelopeCipher } from '@vanthu/certificates';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import type { SigningIdentity } from '@vanthu/signing';
import { exchangeError } from '../exchange.errors';
import type { ExchangeIdentityEntity } from './exchange-identity.entity';
import { certificateAgencyCodes, sha256Hex } from './exchange-identity-certificate';
import { ExchangeIdentityRepository } from './exchange-identity.repository';

/** The installation's identity, unsealed for signing. Never logged, never sent anywhere. */
export interface LoadedExchangeIdentity {
  readonly id: string;
  readonly name: string;
  readonly signing: SigningIdentity;
  readonly publicKey: KeyObject;
  readonly agencyCodes: readonly string[];
  readonly fingerprint: string;
}

export interface IdentitySummary {
  readonly name: string;
  readonly fingerprint: string;
  readonly agencyCodes: readonly string[];
  readonly source: 'demo' | 'import';
  readonly notAfter: string;
  readonly certificate: Buffer;
}

const label = (id: string) => `exchange-identity:${id}`;

/**
 * Keeps the exchange identity sealed in the database (master key, EnvelopeCipher, bound to its row)
 * and unsealed once per process for the workers and the receipt signer.
 */
@Injectable()
export class ExchangeIdentityStore {
  private loaded: Promise<LoadedExchangeIdentity> | undefined;

  constructor(
    private readonly db: Database,
    private readonly identities: ExchangeIdentityRepository,
    private readonly cipher: EnvelopeCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The active identity; EXCHANGE_IDENTITY_MISSING when there is none yet. */
  current(): Promise<LoadedExchangeIdentity> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  async summary(): Promise<IdentitySummary | null> {
    const row = await this.identities.findActive();
    if (!row) return null;
    return {
      name: row.name,
      fingerprint: row.sha256Fingerprint,
      agencyCodes: row.agencyCodes,
      source: row.source,
      notAfter: new Date(new X509Certificate(row.certificateDer).validTo).toISOString(),
      certificate: row.certificateDer,
    };
  }

  /** Seals and activates a new identity (audited); a no-op when it is the active one already. */
  async save(name: string, identity: SigningIdentity, source: 'demo' | 'import'): Promise<boolean> {
    const fingerprint = sha256Hex(identity.certificate);
    const saved = await this.db.transaction(async () => {
      const active = await this.identities.findActive();
      if (active?.sha256Fingerprint === fingerprint && active.name === name) return false;
      const id = newId();
      const pkcs8 = identity.privateKey.export({ format: 'der', type: 'pkcs8' });
      const row: ExchangeIdentityEntity = {
        id,
        name,
        certificateDer: identity.certificate,
        chainDer: [...identity.chain],
        sealedKey: this.cipher.seal(pkcs8, label(id)),
        sha256Fingerprint: fingerprint,
        agencyCodes: certificateAgencyCodes(identity.certificate),
        source,
        active: true,
        createdAt: this.clock.now(),
      };
      pkcs8.fill(0);
      await this.identities.activate(row);
      await this.audit.record({
        action: 'exchange.identity_activated',
        details: { name, fingerprint, source, agencyCodes: row.agencyCodes, replaced: active?.id ?? null },
      });
      return true;
    });
    if (saved) this.loaded = undefined;
    return saved;
  }

  private async load(): Promise<LoadedExchangeIdentity> {
    const row = await this.identities.findActive();
    if (!row) throw exchangeError('EXCHANGE_IDENTITY_MISSING');
    const sealed = await this.identities.findSealedKey(row.id);
    const pkcs8 = this.cipher.open(sealed!, label(row.id));
    try {
      const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      return {
        id: row.id,
        name: row.name,
        signing: { privateKey, certificate: row.certificateDer, chain: row.chainDer },
        publicKey: createPublicKey(privateKey),
        agencyCodes: row.agencyCodes,
        fingerprint: row.sha256Fingerprint,
      };
    } finally {
      pkcs8.fill(0);
    }
  }
}
